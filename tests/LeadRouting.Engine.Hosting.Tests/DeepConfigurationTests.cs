using LeadRouting.Engine.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadRouting.Engine.Hosting.Tests;

public class DeepConfigurationTests
{
    private const int AppliedEvent = 2;
    private const int UnchangedEvent = 4;

    /// <summary>Score bands nested <paramref name="levels"/> deep, each band's pipeline holding the next; the innermost one falls back to <paramref name="fallbackRep"/>.</summary>
    private static Dictionary<string, string?> Nested(int levels, string fallbackRep)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["LeadRouting:Reps:0:Id"] = "ana",
            ["LeadRouting:Reps:1:Id"] = "ben",
            ["LeadRouting:Teams:0:Id"] = "all",
            ["LeadRouting:Teams:0:Members:0"] = "ana",
            ["LeadRouting:Teams:0:Members:1"] = "ben",
        };
        var pipeline = "LeadRouting:Pipeline";
        for (var i = 0; i < levels; i++)
        {
            data[$"{pipeline}:Steps:0:Strategy"] = "ScoreThreshold";
            data[$"{pipeline}:Steps:0:Bands:0:Minimum"] = "0";
            data[$"{pipeline}:Steps:0:Bands:0:Team"] = "all";
            data[$"{pipeline}:Steps:1:Strategy"] = "RoundRobin";
            pipeline += ":Steps:0:Bands:0:Pipeline";
        }

        data[$"{pipeline}:Steps:0:Strategy"] = "RoundRobin";
        data[$"{pipeline}:Fallback:Rep"] = fallbackRep;
        return data;
    }

    [Fact]
    public void A_valid_configuration_nested_deeper_than_the_json_serializer_default_starts_and_reloads()
    {
        var logs = new LogCollector();
        var source = new ReloadableConfiguration(Nested(20, "ana"));
        using var services = TestConfig.Services(ReloadableConfiguration.Root(source), logs);

        var router = services.GetRequiredService<ILeadRouter>();
        Assert.Equal("ana", router.Route(new Lead("l") { Score = 5 }).RepId);

        source.ReplaceRaw(Nested(20, "ana"));
        Assert.Single(logs.Of(UnchangedEvent));

        source.ReplaceRaw(Nested(20, "ben"));
        Assert.Single(logs.Of(AppliedEvent));
    }
}
