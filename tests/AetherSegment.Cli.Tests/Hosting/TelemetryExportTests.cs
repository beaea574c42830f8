using System.Collections.Concurrent;
using System.Net;
using AetherSegment.Hosting;
using AetherSegment.Interpretation;
using AetherSegment.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Hosting;

/// <summary>The hosts' OpenTelemetry export, switched on by configuration only, against an OTLP/HTTP receiver on loopback.</summary>
public sealed class TelemetryExportTests
{
    private const string Objective = "Win back lapsed customers in Toronto with 20 dollars off";

    /// <summary>What an OTLP/HTTP collector received: the path, the content type and the protobuf body (names are plain UTF-8 in it).</summary>
    private sealed record Export(string Path, string? ContentType, string Body);

    [Fact]
    public async Task OtlpEndpointConfigured_ExportsTheInterpretSpanAndTheMetricsOverOtlpHttp()
    {
        ConcurrentQueue<Export> received = new();
        using LoopbackServer collector = new(async context =>
        {
            received.Enqueue(new Export(context.Request.Url!.AbsolutePath, context.Request.ContentType, await LoopbackServer.ReadBodyAsync(context)));
            await LoopbackServer.ReplyAsync(context, 200, "");
        }, concurrent: true);
        using FakeChatEndpoint model = new(_ => """
            {"campaign_type":"win_back","audience":{"value_tier":null,"clv_min":null,"countries":[],"cities":["Toronto"],"categories":[],"product_types":[],"churn_risk":null,"acquisition_sources":[],"behavior":{"abandoned_cart_within_days":null,"purchased_within_days":null,"no_purchase_for_days":null,"acquired_within_days":null,"viewed_within_days":null,"min_cart_value":null}},"incentive":{"type":"fixed_discount","value":20},"kpi":{"metric":null,"target_change_pct":null},"suggested_trigger":"personalized_discount_offer"}
            """);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AetherSegment:Interpreter"] = "chat",
            ["AetherSegment:Chat:Endpoint"] = model.BaseAddress.ToString(),
            ["AetherSegment:Chat:Model"] = "test-model",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "aether-telemetry-test",
        }).Build();
        ServiceCollection services = new();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddAetherSegmentFromConfiguration(configuration);
        bool enabled = services.AddAetherSegmentTelemetryExport(configuration, "aether");

        CampaignObjective answer;
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            provider.StartTelemetryExport();
            answer = await provider.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);
        } // disposing flushes the exporters, as at the end of an aether command

        Assert.True(enabled);
        Assert.Equal("chat", answer.Interpreter);
        Export traces = Assert.Single(received, e => e.Path == "/v1/traces" && e.Body.Contains("interpret chat", StringComparison.Ordinal));
        Assert.Equal("application/x-protobuf", traces.ContentType);
        Assert.Contains("aether-telemetry-test", traces.Body, StringComparison.Ordinal);
        Assert.Contains("gen_ai.request.model", traces.Body, StringComparison.Ordinal);
        Assert.Contains(received, e => e.Path == "/v1/metrics" && e.Body.Contains("aethersegment.interpretations", StringComparison.Ordinal));
        Assert.Contains(received, e => e.Path == "/v1/metrics" && e.Body.Contains("gen_ai.client.token.usage", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingConfigured_AddsNoExport()
    {
        IConfiguration configuration = new ConfigurationBuilder().Build();
        ServiceCollection services = new();

        bool enabled = services.AddAetherSegmentTelemetryExport(configuration, "aether");

        Assert.False(enabled);
        Assert.Empty(services);
    }
}
