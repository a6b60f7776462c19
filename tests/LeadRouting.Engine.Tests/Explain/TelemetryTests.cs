using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Explain;

[Collection(TelemetrySensitiveTests.Name)]
public sealed class TelemetryTests
{
    private static Roster Roster() => new(
        [new Rep("a") { MaxOpenLeads = 2, Territories = [Territory.ForCountry("DE")] }, new Rep("b") { Territories = [Territory.ForCountry("DE")] }],
        [new Team("emea", ["a", "b"])]);

    private static RoutingPipeline Pipeline() => new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build();

    [Fact]
    public void An_engine_dropped_without_dispose_is_collected_and_its_meter_released()
    {
        // Its meter is registered process-wide; the engine must not be kept alive by it (a host that rebuilds engines
        // without disposing them would otherwise keep every one for the life of the process).
        var name = $"dropped-{Guid.NewGuid():N}";
        var meters = new ConcurrentBag<Meter>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Tags?.Any(t => Equals(t.Value, name)) == true)
                {
                    meters.Add(instrument.Meter);
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        var released = 0;
        listener.MeasurementsCompleted = (_, _) => Interlocked.Increment(ref released);
        listener.Start();

        var engine = CreateRouteAndDrop(name);
        for (var i = 0; i < 5 && (engine.IsAlive || Volatile.Read(ref released) == 0); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.NotEmpty(meters); // the listener did see the engine's instruments, so it held them while enabled
        Assert.False(engine.IsAlive, "the engine was kept alive after its host dropped it");
        Assert.True(Volatile.Read(ref released) > 0, "the engine's meter was not released");
    }

    [Fact]
    public void An_engine_whose_constructor_threw_is_finalized_without_harm()
    {
        // The finalizer runs for a half-built engine too (no meter yet); an exception there would end the process.
        var pipeline = new RoutingPipelineBuilder().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("no-such-team")).Build();
        for (var i = 0; i < 3; i++)
        {
            Assert.Throws<ArgumentException>(() => new RoutingEngine(Roster(), pipeline));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CreateRouteAndDrop(string name)
    {
        var engine = new RoutingEngine(Roster(), Pipeline(), new RoutingEngineOptions { Name = name });
        engine.Route(new Lead("de") { Country = "DE" });
        return new WeakReference(engine);
    }

    [Fact]
    public void A_meter_listener_sees_routed_leads_by_outcome_and_team_and_unassigned_by_reason()
    {
        var name = $"metrics-{Guid.NewGuid():N}";
        using var engine = new RoutingEngine(Roster(), Pipeline(), new RoutingEngineOptions { Name = name });
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "LeadRouting.Engine" && instrument.Meter.Tags?.Any(t => Equals(t.Value, name)) == true)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.Start();

        for (var i = 0; i < 5; i++)
        {
            engine.Route(new Lead($"de{i}") { Country = "DE" });
        }

        engine.Route(new Lead("fr") { Country = "FR" });
        engine.Route(new Lead("none"));
        listener.RecordObservableInstruments();

        var routed = measurements.Where(m => m.Instrument == "leadrouting.leads.routed").ToList();
        Assert.Equal(5, routed.Where(m => (string?)m.Tags["leadrouting.outcome"] == "assigned" && (string?)m.Tags["leadrouting.team"] == "emea").Sum(m => m.Value));
        Assert.Equal(2, routed.Where(m => (string?)m.Tags["leadrouting.outcome"] == "unassigned").Sum(m => m.Value));
        Assert.All(routed, m => Assert.Equal(name, m.Tags[RoutingEngineTag]));
        var unassigned = measurements.Where(m => m.Instrument == "leadrouting.leads.unassigned").ToList();
        Assert.Equal(1, unassigned.Where(m => (string?)m.Tags["leadrouting.reason"] == "NoTerritoryMatch").Sum(m => m.Value));
        Assert.Equal(1, unassigned.Where(m => (string?)m.Tags["leadrouting.reason"] == "MissingTerritory").Sum(m => m.Value));
        var utilization = Assert.Single(measurements, m => m.Instrument == "leadrouting.rep.utilization");
        Assert.Equal("a", utilization.Tags["leadrouting.rep"]);
        Assert.Equal(1.0, utilization.Value); // a got 2 of 5 (rotation, then cap 2) and is full
    }

    [Fact]
    public void Reservations_lost_to_concurrent_routes_are_counted()
    {
        var name = $"races-{Guid.NewGuid():N}";
        using var engine = new RoutingEngine(new Roster([new Rep("solo")]), new RoutingPipelineBuilder().AddRoundRobin().Build(), new RoutingEngineOptions { Name = name });
        long lost = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "leadrouting.reservations.lost" && instrument.Meter.Tags?.Any(t => Equals(t.Value, name)) == true)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, v, _, _) => Interlocked.Add(ref lost, v));
        listener.Start();

        const int Threads = 8, PerThread = 50_000;
        var unassigned = 0;
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                if (!engine.Route(new Lead("l")).IsAssigned)
                {
                    Interlocked.Increment(ref unassigned);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Threads taking turns on one rep collide; every collision is retried (nothing unassigned) and counted.
        Assert.Equal(0, unassigned);
        Assert.True(Interlocked.Read(ref lost) > 0, "no lost race counted");
    }

    [Fact]
    public void A_route_span_is_started_only_when_someone_listens_and_carries_the_decision()
    {
        using var engine = new RoutingEngine(Roster(), Pipeline());
        var spans = new ConcurrentBag<Activity>();
        engine.Route(new Lead("before") { Country = "DE" });
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "LeadRouting.Engine",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        })
        {
            ActivitySource.AddActivityListener(listener);
            engine.Route(new Lead("traced") { Country = "DE" });
        }

        engine.Route(new Lead("after") { Country = "DE" });

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("leadrouting.lead") == "traced");
        Assert.Equal("leadrouting.route", span.OperationName);
        Assert.Equal("Assigned", span.GetTagItem("leadrouting.outcome"));
        Assert.DoesNotContain(spans, s => (string?)s.GetTagItem("leadrouting.lead") is "before" or "after");
    }

    [Fact]
    public void With_nobody_listening_a_route_allocates_nothing_even_with_metrics_and_spans_compiled_in()
    {
        using var engine = new RoutingEngine(Roster(), new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build());
        var lead = new Lead("l") { Country = "DE" };
        for (var i = 0; i < 1_000; i++)
        {
            engine.Route(lead);
        }

        Assert.False(RoutingEngineTelemetryIsListened());
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            engine.Route(lead);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private const string RoutingEngineTag = "leadrouting.engine";

    private static bool RoutingEngineTelemetryIsListened() => Engine.Internal.RoutingTelemetry.Source.HasListeners();

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var d = new Dictionary<string, object?>();
        foreach (var t in tags)
        {
            d[t.Key] = t.Value;
        }

        return d;
    }
}
