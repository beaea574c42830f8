using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;

namespace AetherSegment.Core.Tests.Profiles;

/// <summary>
/// Issue 12's bar: no word of the demo retailer's domain is left in src/AetherSegment.Core. The words are read from the
/// demo profile (its taxonomy, places, trigger ids, its own event types, goods words and synonyms) plus a few that name
/// the domain itself, and searched as whole words, case-insensitively, in every C# file of Core (comments included).
/// </summary>
public sealed class CoreHasNoDomainWordsTests
{
    private static readonly string[] DomainNames = ["furniture", "furnishing", "furnishings", "home-furnishing", "sofa", "London", "room planner", "room_planner", "AR view"];

    [Fact]
    public void CoreSource_NamesNoWordOfTheDemoCatalog()
    {
        string[] words = DomainWords(HomeFurnishingProfile.Load());
        Assert.Contains("Sofas", words);
        Assert.Contains("room_planner_use", words);
        Assert.Contains("personalized_discount_offer", words);

        string core = Path.Combine(TestPaths.RepositoryRoot, "src", "AetherSegment.Core");
        Regex pattern = new(@"(?<![\p{L}\p{N}_])(" + string.Join("|", words.Select(Regex.Escape)) + @")(?![\p{L}\p{N}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        List<string> hits = [];
        foreach (string file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(core, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (pattern.Match(lines[i]) is { Success: true } match)
                {
                    hits.Add($"{relative}:{i + 1}: {match.Value}");
                }
            }
        }

        Assert.True(hits.Count == 0, "Domain words in Core:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void TheCheck_FindsAWordWhenOneIsThere()
    {
        string[] words = DomainWords(HomeFurnishingProfile.Load());
        Regex pattern = new(@"(?<![\p{L}\p{N}_])(" + string.Join("|", words.Select(Regex.Escape)) + @")(?![\p{L}\p{N}_])", RegexOptions.IgnoreCase);

        Assert.Matches(pattern, "/// <summary>Customers who bought sofas.</summary>");
        Assert.Matches(pattern, "case \"urgency_low_stock\":");
        Assert.Matches(pattern, "yield return (\"room planner\", [Trig]);");
        Assert.Matches(pattern, "new(\"United Kingdom\", 0.25, [\"London\"])");
        Assert.DoesNotContain("exclusive_access", words); // a contract incentive type, not the domain
        Assert.Contains("free_shipping_offer", words);
        Assert.DoesNotMatch(pattern, "/// <summary>Customers who bought a product of the category.</summary>");
    }

    private static IEnumerable<string> ContractIncentiveTypes() =>
        typeof(IncentiveType).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

    private static string[] DomainWords(BusinessProfile profile)
    {
        HashSet<string> words = new(StringComparer.OrdinalIgnoreCase);
        foreach (CatalogNode node in profile.Catalog.Taxonomy.All.Concat(profile.Catalog.Places.All))
        {
            words.Add(node.Name);
            if (node.Singular is { } singular)
            {
                words.Add(singular);
            }
        }

        words.UnionWith(profile.Triggers.Select(t => t.Id));
        // Event types of a kind Core knows (views, searches, carts, wishlists, checkouts) are e-commerce, not the domain.
        words.UnionWith(profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.Other).Select(e => e.Name));
        words.UnionWith(profile.Vocabulary.GoodsWords);
        words.UnionWith(DomainNames);
        // Core's own contract words are not the domain even where the demo reuses one as a trigger id: the Campaign
        // Objective's incentive types (exclusive_access is an incentive type of the contract and a demo trigger id).
        words.ExceptWith(ContractIncentiveTypes());
        return [.. words.Where(w => w.Length > 2).OrderByDescending(w => w.Length)];
    }
}
