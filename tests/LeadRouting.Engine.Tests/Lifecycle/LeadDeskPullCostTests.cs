using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Lifecycle;

/// <summary>
/// Issue 13, item 11: a pull routes the queued leads it looks at for the one rep asking, without copying the queue or
/// listing every other rep, so what one pull allocates does not grow with the queue or the roster (the old pull copied
/// the queue and built a roster-sized exclusion list: about 8 bytes per queued lead and per rep).
/// </summary>
[Collection(TelemetrySensitiveTests.Name)]
public class LeadDeskPullCostTests
{
    private const int Reps = 2_000;
    private const int Queued = 20_000;

    /// <summary>The placement returned, its event and a few small objects; nothing proportional to the queue or the roster.</summary>
    private const long PullBudgetBytes = 2_048;

    [Fact]
    public void A_pull_from_a_large_queue_with_a_large_roster_allocates_a_small_constant_amount()
    {
        var desk = PullDesk();
        desk.LeadMoved += (_, _) => { };
        Assert.True(desk.TryPull("r7", out _)); // warm-up: the first route of the group builds its rotation

        var before = GC.GetAllocatedBytesForCurrentThread();
        var pulled = desk.TryPull("r7", out var placement);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(pulled);
        Assert.Equal("r7", placement!.RepId);
        Assert.True(allocated <= PullBudgetBytes, $"one pull from a queue of {Queued:N0} with {Reps:N0} reps allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_pull_that_finds_nothing_for_the_rep_allocates_a_small_constant_amount_whatever_it_looks_at()
    {
        // Every queued lead is for r1 only (skills), so r7's pull routes each of them once and finds nothing.
        var desk = PullDesk(skill: "rare", leads: 2_000);
        Assert.False(desk.TryPull("r7", out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var pulled = desk.TryPull("r7", out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(pulled);
        Assert.True(allocated <= PullBudgetBytes, $"a pull that looked at {desk.QueueLength:N0} queued leads with {Reps:N0} reps allocated {allocated:N0} bytes");
    }

    private static LeadDesk PullDesk(string? skill = null, int leads = Queued)
    {
        var reps = Enumerable.Range(0, Reps).Select(i => new Rep("r" + i) { Skills = i == 1 ? ["rare"] : [] }).ToArray();
        var pipeline = new RoutingPipelineBuilder().AddSkills().AddCapacity().AddRoundRobin().Build();
        var clock = new FakeTimeProvider(TestClock.Start);
        var engine = new RoutingEngine(new Roster(reps), pipeline, new RoutingEngineOptions { TimeProvider = clock });
        var desk = new LeadDesk(engine, new LeadDeskOptions { TimeProvider = clock, Delivery = LeadDelivery.Pull, QueueCapacity = leads });
        for (var i = 0; i < leads; i++)
        {
            desk.Submit(new Lead("l" + i) { Language = skill });
        }

        return desk;
    }
}
