using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadRouting.Engine.Hosting.Tests.Malformed;

public class MalformedConfigurationTests
{
    public static TheoryData<string> Names => [.. MalformedConfigurations.All.Keys];

    private static async Task StartAsync(string document)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(document)));
        builder.Services.AddLeadRouting();
        using var host = builder.Build();
        await host.StartAsync();
        _ = host.Services.GetRequiredService<ILeadRouter>();
        await host.StopAsync();
    }

    [Fact]
    public async Task The_complete_configuration_the_cases_start_from_is_valid()
    {
        var document = new System.Text.Json.Nodes.JsonObject { ["LeadRouting"] = MalformedConfigurations.Complete() }.ToJsonString();

        await StartAsync(document);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_malformed_setting_stops_start_up_with_an_error_naming_its_path(string name)
    {
        var malformed = MalformedConfigurations.All[name];

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(malformed.Document()));

        Assert.Contains(malformed.Path, ex.Message, StringComparison.Ordinal);
        Assert.True(
            ex.Failures.Any(f => f.StartsWith(malformed.Path + ":", StringComparison.Ordinal)),
            $"No failure starts with {malformed.Path}: {Shorten(string.Join(" | ", ex.Failures))}");
        Assert.All(ex.Failures, f => Assert.True(f.Length < 2_000, $"A failure of {f.Length} characters: {Shorten(f)}"));
    }

    [Fact]
    public void Every_setting_of_the_options_has_malformed_cases()
    {
        var types = new[]
        {
            typeof(LeadRoutingOptions), typeof(RepOptions), typeof(TeamOptions), typeof(PipelineOptions), typeof(StepOptions),
            typeof(ScoreBandOptions), typeof(TerritoryRouteOptions), typeof(FallbackOptions),
        };
        var settings = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Select(p => p.Name).Distinct();
        var covered = MalformedConfigurations.All.Values.Select(c => c.RelativePath.Split(':').Last(s => !int.TryParse(s, out _))).ToHashSet();

        var missing = settings.Where(s => !covered.Contains(s)).ToList();
        Assert.True(missing.Count == 0, $"Settings without malformed cases: {string.Join(", ", missing)}");
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : $"{text[..600]}... ({text.Length} characters)";
}
