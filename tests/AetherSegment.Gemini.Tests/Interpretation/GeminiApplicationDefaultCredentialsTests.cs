using AetherSegment.Interpretation;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Gemini.Tests.Interpretation;

public sealed class GeminiApplicationDefaultCredentialsTests
{
    [Fact]
    public async Task Interpret_NoTokenNoKeyAndUnusableCredentials_FallsBackSayingAuthenticationFailed()
    {
        string credentials = Path.Combine(AetherSegment.Tests.TestPaths.NewTempDirectory(), "adc.json");
        await File.WriteAllTextAsync(credentials, "{ not a credential file");
        string? previous = Environment.GetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS");
        Environment.SetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS", credentials);
        try
        {
            await using FakeVertexServer server = new((_, _) => new FakeResponse(200, "{}"));
            using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load()).AddGemini(o =>
            {
                o.ProjectId = "p";
                o.Endpoint = server.Endpoint;
                o.MaxRetries = 0;
            }).Services.BuildServiceProvider();

            CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync("Win back lapsed customers");

            Assert.Equal("rules", answer.Interpreter);
            Assert.Contains("authentication failed", answer.Warnings[0], StringComparison.Ordinal);
            Assert.Empty(server.Requests);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS", previous);
        }
    }
}
