using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LeadRouting.Engine.Hosting.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadRouting.Engine.Hosting.Tests;

/// <summary>A meter listener hears every meter of the process, so these tests run alone.</summary>
[CollectionDefinition(nameof(LeadRouterMeterTests), DisableParallelization = true)]
public sealed class MeterListenerTestGroup;

[Collection(nameof(LeadRouterMeterTests))]
public sealed class LeadRouterMeterTests : IDisposable
{
    private const string MeterName = "LeadRouting.Engine";
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Meter, string?> _published = new();
    private volatile bool _listening;

    public LeadRouterMeterTests()
    {
        // Only meters published from now on count: Start() also reports those earlier tests left behind.
        _listener.InstrumentPublished = (instrument, _) =>
        {
            if (_listening && instrument.Meter.Name == MeterName)
            {
                _published.TryAdd(instrument.Meter, EngineTag(instrument.Meter));
            }
        };
        _listener.Start();
        _listening = true;
    }

    public void Dispose() => _listener.Dispose();

    private static string? EngineTag(Meter meter) =>
        meter.Tags?.FirstOrDefault(t => t.Key == "leadrouting.engine").Value as string;

    private List<Meter> Published(string engine) => [.. _published.Where(p => p.Value == engine).Select(p => p.Key)];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_router_publishes_one_meter_at_start_up_and_none_more_on_a_reload(bool hostHasMeterFactory)
    {
        var source = new ReloadableConfiguration(TestConfig.Document(TestConfig.Valid()));
        using var services = TestConfig.Services(ReloadableConfiguration.Root(source), more: s =>
        {
            if (hostHasMeterFactory)
            {
                s.AddMetrics();
            }
        });

        var router = services.GetRequiredService<ILeadRouter>();
        var meter = Assert.Single(Published("default"));

        var changed = TestConfig.Valid();
        changed["Reps"]![0]!["MaxOpenLeads"] = 7;
        source.Replace(TestConfig.Document(changed));

        Assert.Equal(7, router.Roster.Reps[0].MaxOpenLeads);
        Assert.Equal([meter], Published("default"));
        Assert.Same(hostHasMeterFactory ? services.GetRequiredService<IMeterFactory>() : null, meter.Scope);
    }

    [Fact]
    public void Validating_a_configuration_publishes_no_meter()
    {
        using var services = TestConfig.Services(TestConfig.Configuration(TestConfig.Valid()));

        var options = services.GetRequiredService<IOptionsMonitor<LeadRoutingOptions>>().Get(Options.DefaultName);
        var result = services.GetServices<IValidateOptions<LeadRoutingOptions>>().Select(v => v.Validate(Options.DefaultName, options)).ToList();

        Assert.All(result, r => Assert.True(r.Succeeded));
        Assert.Empty(_published);
    }

    [Fact]
    public async Task In_a_generic_host_the_routers_meter_belongs_to_the_hosts_meter_factory()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(TestConfig.Configuration(TestConfig.Valid()));
        builder.Services.AddLeadRouting();
        using var host = builder.Build();
        await host.StartAsync();

        _ = host.Services.GetRequiredService<ILeadRouter>();

        Assert.Same(host.Services.GetRequiredService<IMeterFactory>(), Assert.Single(Published("default")).Scope);
        await host.StopAsync();
    }
}
