using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadRouting.Engine.Hosting.Tests;

public sealed class LeadDeskExpiryServiceTests
{
    [Fact]
    public async Task The_hosted_service_takes_back_an_unanswered_lead_and_reroutes_it_without_being_called()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero));
        var engine = new RoutingEngine(
            new Roster([new Rep("a"), new Rep("b")]),
            new RoutingPipelineBuilder().AddRoundRobin().Build(),
            new RoutingEngineOptions { TimeProvider = time });
        var desk = new LeadDesk(engine, new LeadDeskOptions { TimeProvider = time, ResponseDeadline = TimeSpan.FromMinutes(15) });
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(desk)
            .AddLeadDeskExpiry(TimeSpan.FromMinutes(1))
            .AddLeadDeskExpiry(TimeSpan.FromMinutes(1));
        await using var provider = services.BuildServiceProvider();
        var hosted = Assert.Single(provider.GetServices<IHostedService>());

        Assert.Equal("a", desk.Submit(new Lead("L-1")).RepId);
        await hosted.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(14)); // fourteen checks, none past the 15-minute deadline
        Assert.True(desk.TryGetPlacement("L-1", out var early));
        Assert.Equal("a", early.RepId);

        time.Advance(TimeSpan.FromMinutes(2)); // the checks at 09:15 and 09:16 find it overdue
        await hosted.StopAsync(CancellationToken.None);

        Assert.True(desk.TryGetPlacement("L-1", out var placement));
        Assert.Equal("b", placement.RepId);
        Assert.Contains("a", placement.ExcludedRepIds);
    }

    [Fact]
    public void A_non_positive_interval_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceCollection().AddLeadDeskExpiry(TimeSpan.Zero));
    }
}
