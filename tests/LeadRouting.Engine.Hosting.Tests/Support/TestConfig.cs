using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadRouting.Engine.Hosting.Tests.Support;

/// <summary>A small valid routing configuration that tests change one thing in, and ways to load it.</summary>
public static class TestConfig
{
    /// <summary>ana and ben cover DE, cy covers FR; caps of 5 open leads; territory, capacity, round-robin, fallback to emea.</summary>
    public static JsonObject Valid() => JsonNode.Parse("""
        {
          "Reps": [
            { "Id": "ana", "MaxOpenLeads": 5, "Territories": [ "DE" ] },
            { "Id": "ben", "MaxOpenLeads": 5, "Territories": [ "DE" ] },
            { "Id": "cy",  "MaxOpenLeads": 5, "Territories": [ "FR" ] }
          ],
          "Teams": [ { "Id": "emea", "Members": [ "ana", "ben", "cy" ] } ],
          "Pipeline": {
            "Steps": [ { "Strategy": "Territory" }, { "Strategy": "Capacity" }, { "Strategy": "RoundRobin" } ],
            "Fallback": { "Team": "emea" }
          }
        }
        """)!.AsObject();

    /// <summary>The routing as an appsettings.json document, under "LeadRouting".</summary>
    public static string Document(JsonObject routing) => new JsonObject { ["LeadRouting"] = routing.DeepClone() }.ToJsonString();

    public static IConfigurationRoot Configuration(JsonObject routing) => ReloadableConfiguration.Root(new ReloadableConfiguration(Document(routing)));

    /// <summary>A service provider with the default router bound to the "LeadRouting" section of <paramref name="configuration"/>.</summary>
    public static ServiceProvider Services(IConfiguration configuration, LogCollector? logs = null, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        more?.Invoke(services);
        services.AddLeadRouting(configuration.GetSection("LeadRouting"));
        return services.BuildServiceProvider();
    }

    /// <summary>The validation failures of <paramref name="routing"/>, or none.</summary>
    public static IReadOnlyList<string> Failures(JsonObject routing)
    {
        using var services = Services(Configuration(routing));
        try
        {
            _ = services.GetRequiredService<IOptions<LeadRoutingOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
    }

    public static JsonObject Step(string strategy) => new() { ["Strategy"] = strategy };
}
