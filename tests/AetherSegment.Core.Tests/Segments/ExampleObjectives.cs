using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Interpretation;
using AetherSegment.Tests;

namespace AetherSegment.Core.Tests.Segments;

/// <summary>The objectives of shared/examples as Campaign Objective Objects built from their expected fields (no interpreter needed).</summary>
internal static class ExampleObjectives
{
    public static IEnumerable<(string Id, CampaignObjective Objective)> All()
    {
        foreach (string line in File.ReadLines(TestPaths.ExampleObjectives))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonObject example = JsonNode.Parse(line)!.AsObject();
            JsonObject objective = new() { ["objective"] = example["objective"]!.GetValue<string>() };
            foreach ((string path, JsonNode? value) in example["expect"]!.AsObject())
            {
                string[] parts = path.Split('.');
                JsonObject node = objective;
                for (int i = 0; i < parts.Length - 1; i++)
                {
                    node = (node[parts[i]] ??= new JsonObject()).AsObject();
                }

                node[parts[^1]] = value?.DeepClone();
            }

            yield return (example["id"]!.GetValue<string>(), JsonSerializer.Deserialize<CampaignObjective>(objective.ToJsonString(), AetherSegmentJson.Options)!);
        }
    }

    public static TheoryData<string> Ids()
    {
        TheoryData<string> ids = [];
        foreach ((string id, _) in All())
        {
            ids.Add(id);
        }

        return ids;
    }

    public static CampaignObjective Get(string id) => All().First(e => e.Id == id).Objective;
}
