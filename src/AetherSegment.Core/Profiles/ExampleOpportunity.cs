namespace AetherSegment.Profiles;

/// <summary>How an example objective appears as an opportunity card on the overview dashboard.</summary>
public sealed class ExampleOpportunity
{
    internal ExampleOpportunity(string id, string title, string description)
    {
        Id = id;
        Title = title;
        Description = description;
    }

    /// <summary>The card's id: lowercase letters, digits and '-', unique in the profile.</summary>
    public string Id { get; }

    /// <summary>The card's title.</summary>
    public string Title { get; }

    /// <summary>One or two sentences saying who the segment is and why it is worth targeting now.</summary>
    public string Description { get; }
}
