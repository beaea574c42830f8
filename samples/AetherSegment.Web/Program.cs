using AetherSegment.Hosting;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddAetherSegmentFromConfiguration(builder.Configuration);

WebApplication app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapGet("/api/v1/health", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>The web host's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
