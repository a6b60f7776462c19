using System.Text.Json.Nodes;
using LeadRouting.Engine.Hosting.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadRouting.Engine.Hosting.Tests;

public class LeadRoutingServiceCollectionExtensionsTests
{
    private static readonly Lead GermanLead = new("l") { Country = "DE" };

    [Fact]
    public void The_router_is_one_singleton_routing_with_the_configured_rules()
    {
        using var services = TestConfig.Services(TestConfig.Configuration(TestConfig.Valid()));

        var router = services.GetRequiredService<ILeadRouter>();

        Assert.Same(router, services.GetRequiredService<ILeadRouter>());
        Assert.Equal(string.Empty, router.Name);
        Assert.Equal(["ana", "ben", "cy"], router.Roster.Reps.Select(r => r.Id));
        Assert.Equal("Territory -> Capacity -> RoundRobin (fallback: team emea)", router.Pipeline.ToString());
        Assert.Equal("ana", router.Route(GermanLead).RepId);
        Assert.Equal("ben", router.Route(GermanLead).RepId);
    }

    [Fact]
    public void Adding_twice_registers_once_and_binds_the_section_once()
    {
        var configuration = TestConfig.Configuration(TestConfig.Valid());
        var services = new ServiceCollection();

        services.AddLeadRouting(configuration.GetSection("LeadRouting"));
        var count = services.Count;
        services.AddLeadRouting(configuration.GetSection("LeadRouting"));

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(ILeadRouter));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<LeadRoutingOptions>));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(3, provider.GetRequiredService<ILeadRouter>().Roster.Reps.Length);
    }

    [Fact]
    public void Binding_the_same_router_to_a_second_section_is_refused()
    {
        var configuration = TestConfig.Configuration(TestConfig.Valid());
        var services = new ServiceCollection().AddLeadRouting(configuration.GetSection("LeadRouting"));

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddLeadRouting(configuration.GetSection("Other")));

        Assert.Contains("already bound to configuration section 'LeadRouting'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_arguments_the_LeadRouting_section_of_the_hosts_configuration_is_read()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(TestConfig.Configuration(TestConfig.Valid()));
        services.AddLeadRouting();
        using var provider = services.BuildServiceProvider();

        Assert.Equal("ana", provider.GetRequiredService<ILeadRouter>().Route(GermanLead).RepId);
    }

    [Fact]
    public void TimeProvider_System_is_registered_when_the_host_has_none()
    {
        using var services = TestConfig.Services(TestConfig.Configuration(TestConfig.Valid()));

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void A_TimeProvider_the_host_registered_drives_the_daily_caps()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![0]!["MaxLeadsPerDay"] = 1;
        routing["Reps"]![1]!["IsActive"] = false;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        using var services = TestConfig.Services(TestConfig.Configuration(routing), more: s => s.AddSingleton<TimeProvider>(clock));
        var router = services.GetRequiredService<ILeadRouter>();

        Assert.Equal("ana", router.Route(GermanLead).RepId);
        router.Release("ana");
        Assert.NotEqual("ana", router.Route(GermanLead).RepId);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("ana", router.Route(GermanLead).RepId);
    }

    [Fact]
    public void Named_routers_are_keyed_services_with_their_own_rules_and_counters()
    {
        var partner = TestConfig.Valid();
        partner["Reps"]![0]!["IsActive"] = false;
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(TestConfig.Configuration(TestConfig.Valid()))
            .Add(new ReloadableConfiguration(new JsonObject { ["Partner"] = partner }.ToJsonString()))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKeyedLeadRouting("inbound", "LeadRouting");
        services.AddKeyedLeadRouting("partner", configuration.GetSection("Partner"));
        using var provider = services.BuildServiceProvider();

        var inbound = provider.GetRequiredKeyedService<ILeadRouter>("inbound");
        var partnerRouter = provider.GetRequiredKeyedService<ILeadRouter>("partner");

        Assert.Null(provider.GetService<ILeadRouter>());
        Assert.Equal("inbound", inbound.Name);
        Assert.Equal("ana", inbound.Route(GermanLead).RepId);
        Assert.Equal("ben", partnerRouter.Route(GermanLead).RepId);
        Assert.True(inbound.TryGetStatus("ana", out var ana) && ana.OpenLeads == 1);
        Assert.True(partnerRouter.TryGetStatus("ana", out var partnerAna) && partnerAna.OpenLeads == 0);
    }

    [Fact]
    public void A_named_router_is_validated_under_its_own_section_path()
    {
        var partner = TestConfig.Valid();
        partner["Reps"]![0]!["Weight"] = -1;
        var configuration = new ConfigurationBuilder().Add(new ReloadableConfiguration(new JsonObject { ["Routing"] = new JsonObject { ["Partner"] = partner } }.ToJsonString())).Build();
        var services = new ServiceCollection().AddKeyedLeadRouting("partner", configuration.GetSection("Routing:Partner"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<ILeadRouter>("partner"));

        Assert.Equal(["Routing:Partner:Reps:0:Weight: must be between 0 and 10000."], ex.Failures);
    }

    [Fact]
    public void A_router_can_be_configured_in_code()
    {
        var services = new ServiceCollection().AddLeadRouting(o =>
        {
            o.Reps.Add(new RepOptions { Id = "a", Territories = { "GB:SW1" } });
            o.Reps.Add(new RepOptions { Id = "b", Territories = { "GB" } });
            o.Pipeline.Steps.Add(new StepOptions { Strategy = RoutingStrategyNames.Territory });
            o.Pipeline.Steps.Add(new StepOptions { Strategy = RoutingStrategyNames.Weighted });
        });
        using var provider = services.BuildServiceProvider();
        var router = provider.GetRequiredService<ILeadRouter>();

        Assert.Equal("a", router.Route(new Lead("l") { Country = "GB", PostalCode = "SW1A 1AA" }).RepId);
        Assert.Equal("b", router.Route(new Lead("l") { Country = "GB", PostalCode = "M1 1AE" }).RepId);
    }

    [Fact]
    public void The_router_logs_its_start_with_the_pipeline()
    {
        var logs = new LogCollector();
        using var services = TestConfig.Services(TestConfig.Configuration(TestConfig.Valid()), logs);

        _ = services.GetRequiredService<ILeadRouter>();

        var started = Assert.Single(logs.Of(1));
        Assert.Equal(
            "Lead router (default) started: 3 reps, 1 teams, pipeline Territory -> Capacity -> RoundRobin (fallback: team emea); daily caps reset at midnight UTC.",
            started.Message);
    }
}
