using AetherSegment.Web.Data;
using AetherSegment.Web.Hosting;

WebApplication app = AetherWebApp.Create(args);
try
{
    app.Run();
}
catch (MissingDataSetException e)
{
    // A user's setup mistake, not a crash: one line, no stack trace.
    await Console.Error.WriteLineAsync("aether-web: " + e.Message);
    return 1;
}

return 0;

/// <summary>The web host's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
