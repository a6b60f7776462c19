using System.Net;
using System.Text.Json.Nodes;
using LeadRouting.Engine.Hosting.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadRouting.Engine.Hosting.Tests.Sample;

/// <summary>
/// The web sample, run by Kestrel on a loopback port the OS picks, reading a copy of its appsettings.json in a
/// directory of its own (the content root), so a test can rewrite the file the running app watches.
/// </summary>
public sealed class WebSampleFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _contentRoot = Directory.CreateTempSubdirectory("leadrouting-websample-");

    public WebSampleFactory()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), SettingsPath);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public LogCollector Logs { get; } = new();

    public string SettingsPath => Path.Combine(_contentRoot.FullName, "appsettings.json");

    /// <summary>Starts the server and returns a client for its real address (not an in-memory test server).</summary>
    public HttpClient StartClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The sample's routing configuration as the app reads it now.</summary>
    public JsonObject ReadRouting() =>
        JsonNode.Parse(File.ReadAllText(SettingsPath), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!["LeadRouting"]!.AsObject();

    /// <summary>Replaces the routing in appsettings.json the way an editor saving atomically does: write aside, then rename over.</summary>
    public void WriteRouting(JsonObject routing)
    {
        var document = JsonNode.Parse(File.ReadAllText(SettingsPath), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        document["LeadRouting"] = routing.DeepClone();
        var aside = SettingsPath + ".saving";
        File.WriteAllText(aside, document.ToJsonString());
        File.Move(aside, SettingsPath, overwrite: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(_contentRoot.FullName);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // WebApplicationFactory.Dispose() reaches here more than once.
        if (disposing && Directory.Exists(_contentRoot.FullName))
        {
            _contentRoot.Delete(recursive: true);
        }
    }
}
