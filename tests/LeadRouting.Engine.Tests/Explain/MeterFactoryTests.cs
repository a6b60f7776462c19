using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Explain;

[Collection(TelemetrySensitiveTests.Name)]
public sealed class MeterFactoryTests
{
    [Fact]
    public void An_engine_given_a_meter_factory_records_on_the_factorys_meter_and_leaves_its_disposal_to_the_factory()
    {
        var name = $"factory-{Guid.NewGuid():N}";
        var meters = new ConcurrentDictionary<Meter, byte>();
        var routed = 0L;
        var completed = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Tags?.Any(t => Equals(t.Value, name)) == true)
                {
                    meters.TryAdd(instrument.Meter, 0);
                    l.EnableMeasurementEvents(instrument);
                }
            },
            MeasurementsCompleted = (_, _) => Interlocked.Increment(ref completed),
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "leadrouting.leads.routed")
            {
                Interlocked.Add(ref routed, value);
            }
        });
        listener.Start();
        using var factory = new RecordingMeterFactory();

        var engine = new RoutingEngine(
            new Roster([new Rep("a")]),
            new RoutingPipelineBuilder().AddRoundRobin().Build(),
            new RoutingEngineOptions { Name = name, MeterFactory = factory });
        engine.Route(new Lead("l"));

        var meter = Assert.Single(meters.Keys);
        Assert.Same(Assert.Single(factory.Created), meter);
        Assert.Same(factory, meter.Scope);
        Assert.Equal(1, Interlocked.Read(ref routed));

        engine.Dispose();
        Assert.Equal(0, Volatile.Read(ref completed));

        factory.Dispose();
        Assert.True(Volatile.Read(ref completed) > 0, "the factory's meter was not released with the factory");
    }

    private sealed class RecordingMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Created)
            {
                meter.Dispose();
            }
        }
    }
}
