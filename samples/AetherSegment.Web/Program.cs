using AetherSegment.Web.Hosting;

WebApplication app = AetherWebApp.Create(args);
app.Run();

/// <summary>The web host's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
