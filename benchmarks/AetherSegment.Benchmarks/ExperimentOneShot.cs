using System.Diagnostics;
using System.Globalization;
using AetherSegment.Experiments;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Benchmarks;

/// <summary>
/// One activation in this process, as the CLI does it (a new process per command, no audience snapshot): the ranked
/// segment (everyone in the US with the trigger), with or without a 10% holdout, on the database given (written in
/// place: run it on a copy). Prints one line: the creation's milliseconds, the holdout's method and score set, the
/// ranker's work (scorings, model loads, trainings, full checksums of the campaign history) and the creation's spans.
/// A driver alternates processes with and without the holdout (docs/benchmarks.md, "Stop 34").
/// </summary>
internal static class ExperimentOneShot
{
    public static async Task<int> RunAsync(string path, string trigger, bool holdout)
    {
        ServiceCollection services = new();
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o =>
        {
            // As the CLI sets it (CliHost): one command per process, the only writer of the file.
            o.Path = path;
            o.SoleWriterProcess = true;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        ISegmentEngine engine = provider.GetRequiredService<ISegmentEngine>();
        StoreTriggerRanker ranker = (StoreTriggerRanker)provider.GetRequiredService<ITriggerRanker>();
        Interpretation.CampaignObjective everyone = new() { Objective = "Everyone in the US", Audience = new Interpretation.Audience { Countries = ["United States"] } };
        using SegmentSpans spans = new();
        Stopwatch watch = Stopwatch.StartNew();
        StoredSegment created = await engine.CreateAsync(everyone, trigger, null, holdout ? HoldoutAssignment.Create(0.1) : null, CancellationToken.None);
        double milliseconds = watch.Elapsed.TotalMilliseconds;
        string steps = string.Join(" ", spans.Medians().Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name}={s.Median:0.0}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"oneshot holdout={holdout} ms={milliseconds:0} size={created.Size} method={created.Holdout?.Method ?? "-"} scores={created.Holdout?.Scores ?? "-"} scorings={ranker.Scorings} loads={ranker.Loads} trainings={ranker.Trainings} checksums={ranker.DataVersionScans} epochs={ranker.DataVersionEpochHits} | {steps}"));
        return 0;
    }
}
