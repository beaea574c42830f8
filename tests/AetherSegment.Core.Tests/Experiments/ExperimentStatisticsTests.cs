using AetherSegment.Experiments;
using Xunit.Abstractions;

namespace AetherSegment.Core.Tests.Experiments;

/// <summary>The report's statistics on simulated campaigns with a known truth (seeded, so every run is the same).</summary>
public sealed class ExperimentStatisticsTests(ITestOutputHelper output)
{
    private static long Binomial(Random random, long n, double p)
    {
        long k = 0;
        for (long i = 0; i < n; i++)
        {
            if (random.NextDouble() < p)
            {
                k++;
            }
        }

        return k;
    }

    [Fact]
    public void Interval_Over400SimulatedCampaigns_CoversTheTrueLiftIn93To97Percent()
    {
        Random random = new(15);
        const double pc = 0.05, pt = 0.062;
        int covered = 0, revenueCovered = 0;
        const int campaigns = 400;
        for (int i = 0; i < campaigns; i++)
        {
            long nt = 9_000, nc = 3_000;
            long ct = Binomial(random, nt, pt), cc = Binomial(random, nc, pc);
            // Revenue: each converter spends 100 exactly, so the true incremental revenue per treated member is 100 * lift.
            ExperimentReport report = ExperimentAnalyzer.Analyze(
                new ArmOutcome(nt, ct, ct * 100.0, ct * 10_000.0), new ArmOutcome(nc, cc, cc * 100.0, cc * 10_000.0));
            covered += report.AbsoluteLift.Contains(pt - pc) ? 1 : 0;
            revenueCovered += report.IncrementalRevenue.Contains((pt - pc) * 100 * nt) ? 1 : 0;
            Assert.Equal(report.AbsoluteLift.Estimate * nt, report.IncrementalConversions.Estimate, 6);
        }

        output.WriteLine($"coverage of the 95% lift interval over {campaigns} campaigns: {covered / (double)campaigns:P1}; revenue interval: {revenueCovered / (double)campaigns:P1}");
        Assert.InRange(covered / (double)campaigns, 0.93, 0.97);
        Assert.InRange(revenueCovered / (double)campaigns, 0.93, 0.97);
    }

    [Fact]
    public void Power_AgreesWithSimulationWithin3Points()
    {
        const double pc = 0.05, pt = 0.06;
        const long nt = 6_000, nc = 4_000;
        double predicted = ExperimentPower.PowerForRates(pc, pt, nt, nc);
        Random random = new(151);
        int rejected = 0;
        const int campaigns = 1_000;
        for (int i = 0; i < campaigns; i++)
        {
            ExperimentReport report = ExperimentAnalyzer.Analyze(new ArmOutcome(nt, Binomial(random, nt, pt)), new ArmOutcome(nc, Binomial(random, nc, pc)));
            rejected += report.PValue < 0.05 ? 1 : 0;
        }

        output.WriteLine($"power predicted {predicted:P1}, simulated {rejected / (double)campaigns:P1} over {campaigns} campaigns");
        Assert.InRange(predicted, 0.3, 0.9);
        Assert.InRange(rejected / (double)campaigns - predicted, -0.03, 0.03);
    }

    [Fact]
    public void DailyPeeking_OnAATests_AlwaysValidStaysUnderAlphaWhileTheNaiveTestDoesNot()
    {
        // 300 A/A campaigns, 30 days, 400 new members a day split 80/20, same 5% conversion in both arms; looked at daily.
        Random random = new(1515);
        const int campaigns = 300, days = 30;
        int alwaysValidFalsePositives = 0, naiveFalsePositives = 0;
        for (int i = 0; i < campaigns; i++)
        {
            long nt = 0, nc = 0, ct = 0, cc = 0;
            List<(ArmOutcome, ArmOutcome)> looks = [];
            bool naive = false;
            for (int day = 0; day < days; day++)
            {
                nt += 320;
                nc += 80;
                ct += Binomial(random, 320, 0.05);
                cc += Binomial(random, 80, 0.05);
                looks.Add((new ArmOutcome(nt, ct), new ArmOutcome(nc, cc)));
                naive |= ExperimentAnalyzer.Analyze(new ArmOutcome(nt, ct), new ArmOutcome(nc, cc)).PValue < 0.05;
            }

            alwaysValidFalsePositives += SequentialMonitor.RejectsAtAnyLook(looks) ? 1 : 0;
            naiveFalsePositives += naive ? 1 : 0;
        }

        double alwaysValid = alwaysValidFalsePositives / (double)campaigns, naiveRate = naiveFalsePositives / (double)campaigns;
        output.WriteLine($"A/A, {campaigns} campaigns x {days} daily looks: always-valid (mSPRT) false positives {alwaysValid:P1}, naive daily z test {naiveRate:P1}");
        Assert.True(alwaysValid <= 0.05, $"always-valid false-positive rate {alwaysValid:P1}");
        Assert.True(naiveRate > 0.10, $"naive daily false-positive rate {naiveRate:P1}");
    }

    [Fact]
    public void Monitor_RealEffect_IsDetectedAndItsBandCoversTheTruthEveryDay()
    {
        Random random = new(7);
        long nt = 0, nc = 0, ct = 0, cc = 0;
        List<(ArmOutcome, ArmOutcome)> looks = [];
        for (int day = 0; day < 30; day++)
        {
            nt += 4_000;
            nc += 1_000;
            ct += Binomial(random, 4_000, 0.08);
            cc += Binomial(random, 1_000, 0.05);
            looks.Add((new ArmOutcome(nt, ct), new ArmOutcome(nc, cc)));
        }

        IReadOnlyList<MonitorPoint> points = SequentialMonitor.Monitor(looks);
        Assert.True(points[^1].Significant);
        Assert.All(points, p => Assert.True(p.Lift.Contains(0.03), $"day {p.Day}: [{p.Lift.Low}, {p.Lift.High}]"));
        Assert.All(points.Zip(points.Skip(1)), pair => Assert.True(pair.Second.AlwaysValidPValue <= pair.First.AlwaysValidPValue));
    }

    [Fact]
    public void Analyze_EmptyArm_IsAnInputError()
    {
        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => ExperimentAnalyzer.Analyze(new ArmOutcome(100, 5), new ArmOutcome(0, 0)));
        Assert.Contains("holdout arm has no members", error.Message, StringComparison.Ordinal);
    }
}
