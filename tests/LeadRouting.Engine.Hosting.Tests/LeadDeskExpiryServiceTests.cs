using LeadRouting.Engine.Hosting.Tests.Support;
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
            .AddLeadDeskExpiry(TimeSpan.FromMilliseconds(20))
            .AddLeadDeskExpiry(TimeSpan.FromMilliseconds(20));
        await using var provider = services.BuildServiceProvider();
        var hosted = Assert.Single(provider.GetServices<IHostedService>());

        Assert.Equal("a", desk.Submit(new Lead("L-1")).RepId);
        time.Advance(TimeSpan.FromMinutes(16));
        await hosted.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && !(desk.TryGetPlacement("L-1", out var p) && p.RepId == "b"))
            {
                await Task.Delay(20);
            }

            Assert.True(desk.TryGetPlacement("L-1", out var placement));
            Assert.Equal("b", placement.RepId);
            Assert.Contains("a", placement.ExcludedRepIds);
        }
        finally
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void A_non_positive_interval_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceCollection().AddLeadDeskExpiry(TimeSpan.Zero));
    }
}
