using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AetherSegment.Web.Tests.Hosting;

/// <summary>
/// One analyze request of the web host with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set: an OTLP/HTTP collector on loopback
/// receives the interpret, segment query and ranking spans, and they belong to the request's trace.
/// </summary>
public sealed class AnalyzeTraceTests(ITestOutputHelper output)
{
    /// <summary>What the collector received: the path and the protobuf body (span names are plain UTF-8 in it).</summary>
    private sealed record Export(string Path, string Body);

    [Fact]
    public async Task Analyze_OtlpEndpointConfigured_CollectorReceivesInterpretSegmentQueryAndRankingSpansOfTheRequestsTrace()
    {
        ConcurrentQueue<Export> received = new();
        await using LoopbackServer collector = new(async context =>
        {
            received.Enqueue(new Export(context.Request.Url!.AbsolutePath, await LoopbackServer.ReadBodyAsync(context)));
            await LoopbackServer.ReplyAsync(context, 200, "");
        }, concurrent: true);
        string path = Path.Combine(TestPaths.NewTempDirectory(), "trace.duckdb");
        await SeededDatabase.CreateAsync(path, 1_200, DateTimeOffset.UtcNow);
        ActivityTraceId traceId = ActivityTraceId.CreateRandom();
        ConcurrentQueue<Activity> spans = new();
        using ActivityListener listener = new()
        {
            ShouldListenTo = source => source.Name is "AetherSegment" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await using (WebAppServer server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "aether-web-trace-test",
        }))
        {
            using HttpRequestMessage request = new(HttpMethod.Post, "api/v1/campaigns/analyze") { Content = JsonContent.Create(new { objective = Objectives.WinBack }) };
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            // No header propagation by the test's own client: the request carries exactly the traceparent set here.
            using HttpClient client = new(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            using HttpResponseMessage response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        } // stopping the host flushes the exporters

        string traces = string.Concat(received.Where(e => e.Path == "/v1/traces").Select(e => e.Body));
        Assert.Contains("aether-web-trace-test", traces, StringComparison.Ordinal);
        Assert.Contains("interpret rules", traces, StringComparison.Ordinal);
        Assert.Contains("segment.analyze", traces, StringComparison.Ordinal);
        Assert.Contains("uplift.rank", traces, StringComparison.Ordinal);
        Assert.Contains("api/v1/campaigns/analyze", traces, StringComparison.Ordinal);

        Activity[] trace = [.. spans];
        Activity root = Assert.Single(trace, a => a.Source.Name == "Microsoft.AspNetCore");
        Activity interpret = Assert.Single(trace, a => a.DisplayName == "interpret rules");
        Activity analyze = Assert.Single(trace, a => a.DisplayName == "segment.analyze");
        Assert.Contains(trace, a => a.DisplayName == "uplift.rank" && IsBelow(a, analyze, trace));
        Assert.True(IsBelow(interpret, root, trace));
        Assert.True(IsBelow(analyze, root, trace));
        output.WriteLine(Tree(trace, root));
    }

    private static bool IsBelow(Activity span, Activity ancestor, Activity[] trace)
    {
        for (Activity? current = span; current is not null; current = trace.FirstOrDefault(a => a.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The trace as an indented tree with each span's duration (for docs/ai.md).</summary>
    private static string Tree(Activity[] trace, Activity root)
    {
        StringBuilder text = new();
        void Write(Activity span, int depth)
        {
            text.Append(' ', depth * 2).Append(span.DisplayName).Append("  ")
                .Append(span.Duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" ms  [").Append(span.Source.Name).Append(']');
            foreach (KeyValuePair<string, string?> tag in span.Tags.Where(t => t.Key.StartsWith("aethersegment.", StringComparison.Ordinal) || t.Key.StartsWith("gen_ai.", StringComparison.Ordinal)))
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }

            text.AppendLine();
            foreach (Activity child in trace.Where(a => a.ParentSpanId == span.SpanId).OrderBy(a => a.StartTimeUtc))
            {
                Write(child, depth + 1);
            }
        }

        Write(root, 0);
        return text.ToString();
    }
}
