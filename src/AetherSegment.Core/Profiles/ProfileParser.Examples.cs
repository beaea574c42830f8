namespace AetherSegment.Profiles;

/// <summary>Reads the optional <c>examples</c> section.</summary>
internal static partial class ProfileParser
{
    private static ProfileExamples ReadExamples(ProfileJsonObject examples, ProfileErrorList errors)
    {
        Dictionary<string, string> ids = new(StringComparer.Ordinal);
        IReadOnlyList<ExampleObjective> objectives = examples.Array("objectives", (e, path) =>
        {
            ProfileJsonObject? o = ProfileJsonObject.Open(e, path, errors);
            if (o is null)
            {
                return null;
            }

            string? title = o.String("title", required: true);
            string? text = o.String("text", required: true);
            ExampleOpportunity? opportunity = null;
            if (o.Object("opportunity") is { } card)
            {
                string? id = card.String("id", required: true);
                string? cardTitle = card.String("title", required: true);
                string? description = card.String("description", required: true);
                card.Finish();
                if (id is not null && !NamePattern().IsMatch(id))
                {
                    errors.Add(card.PathOf("id"), $"'{id}' must be lowercase letters, digits and '-', starting with a letter or digit");
                }
                else if (id is not null && !ids.TryAdd(id, card.PathOf("id")))
                {
                    errors.Add(card.PathOf("id"), $"the opportunity id '{id}' is already used at {ids[id]}");
                }

                if (id is not null && cardTitle is not null && description is not null)
                {
                    opportunity = new ExampleOpportunity(id, cardTitle, description);
                }
            }

            o.Finish();
            return title is null || text is null ? null : new ExampleObjective(title, text) { Opportunity = opportunity };
        });

        IReadOnlyList<string> questions = examples.Strings("questions");
        examples.Finish();
        return new ProfileExamples { Objectives = objectives, Questions = questions };
    }
}
