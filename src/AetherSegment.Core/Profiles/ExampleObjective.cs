namespace AetherSegment.Profiles;

/// <summary>One example campaign objective of a profile (<c>examples.objectives[]</c>).</summary>
public sealed class ExampleObjective
{
    internal ExampleObjective(string title, string text)
    {
        Title = title;
        Text = text;
    }

    /// <summary>A short label for a button ("Abandoned carts, high value").</summary>
    public string Title { get; }

    /// <summary>The objective as a marketer writes it, in plain English.</summary>
    public string Text { get; }

    /// <summary>When set, the overview dashboard shows this objective as a campaign opportunity; else null.</summary>
    public ExampleOpportunity? Opportunity { get; internal init; }
}
