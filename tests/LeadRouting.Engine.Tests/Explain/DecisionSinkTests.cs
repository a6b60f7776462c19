using System.Collections.Concurrent;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Explain;

public sealed class DecisionSinkTests
{
    [Fact]
    public async Task Every_decision_reaches_every_sink_with_lead_rep_step_reason_time_and_configuration_version()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var audit = new RecordingSink();
        var options = new RoutingEngineOptions { TimeProvider = time, Name = "inbound" };
        options.DecisionSinks.Add(audit);
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b")]), new RoutingPipelineBuilder().AddRoundRobin().Build(), options);

        engine.Route(new Lead("l1"));
        time.Advance(TimeSpan.FromMinutes(1));
        engine.ReplaceRoster(new Roster([new Rep("a"), new Rep("b")]));
        engine.Route(new Lead("l2"));
        engine.Dispose();
        await engine.DecisionEventsCompletion.WaitAsync(TimeSpan.FromSeconds(10));

        var events = audit.Events.ToArray();
        Assert.Equal(2, events.Length);
        Assert.Equal(("l1", "a", "RoundRobin", RoutingReason.Selected, 1L, "inbound"), (events[0].LeadId, events[0].Decision.RepId, events[0].Decision.StepName, events[0].Decision.Reason, events[0].ConfigurationVersion, events[0].EngineName));
        Assert.Equal(("l2", "b", 2L), (events[1].LeadId, events[1].Decision.RepId, events[1].ConfigurationVersion));
        Assert.Equal(TimeSpan.FromMinutes(1), events[1].Timestamp - events[0].Timestamp);
    }

    [Fact]
    public async Task A_sink_that_throws_breaks_neither_routing_nor_the_other_sinks()
    {
        var good = new RecordingSink();
        var options = new RoutingEngineOptions();
        options.DecisionSinks.Add(new ThrowingSink());
        options.DecisionSinks.Add(good);
        var engine = new RoutingEngine(new Roster([new Rep("a")]), new RoutingPipelineBuilder().AddRoundRobin().Build(), options);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("a", engine.Route(new Lead($"l{i}")).RepId);
        }

        engine.Dispose();
        await engine.DecisionEventsCompletion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(100, good.Events.Count);
        Assert.Equal(100, engine.FailedDecisionEvents);
    }

    [Fact]
    public async Task A_slow_sink_neither_slows_routing_nor_corrupts_it_and_overflow_is_dropped_and_counted()
    {
        using var gate = new ManualResetEventSlim(false);
        var slow = new BlockingSink(gate);
        var options = new RoutingEngineOptions { DecisionEventBufferSize = 10 };
        options.DecisionSinks.Add(slow);
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b")]), new RoutingPipelineBuilder().AddRoundRobin().Build(), options);

        // The sink is blocked for the whole loop: were routing waiting for it, this would never finish.
        var picks = Enumerable.Range(0, 1_000).Select(i => engine.Route(new Lead($"l{i}")).RepId).ToList();
        gate.Set();
        engine.Dispose();
        await engine.DecisionEventsCompletion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => i % 2 == 0 ? "a" : "b"), picks);
        Assert.InRange(slow.Count, 10, 11); // the buffer, plus the event the sink held while blocked
        Assert.Equal(1_000 - slow.Count, engine.DroppedDecisionEvents);
    }

    private sealed class RecordingSink : IRoutingDecisionSink
    {
        public ConcurrentQueue<RoutingDecisionEvent> Events { get; } = new();

        public void OnDecision(RoutingDecisionEvent decisionEvent) => Events.Enqueue(decisionEvent);
    }

    private sealed class ThrowingSink : IRoutingDecisionSink
    {
        public void OnDecision(RoutingDecisionEvent decisionEvent) => throw new InvalidOperationException("audit store down");
    }

    private sealed class BlockingSink(ManualResetEventSlim gate) : IRoutingDecisionSink
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void OnDecision(RoutingDecisionEvent decisionEvent)
        {
            gate.Wait();
            Interlocked.Increment(ref _count);
        }
    }
}
