using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LeadRouting.Engine.Internal;

/// <summary>
/// The engine's metrics (one <see cref="Meter"/> per engine, named after the package and tagged with the engine's name)
/// and its route spans (one <see cref="ActivitySource"/> for the package). Everything is behind an "is anybody listening"
/// check, so with no listener a route does no telemetry work and allocates nothing.
/// </summary>
internal sealed class RoutingTelemetry : IDisposable
{
    public const string MeterName = "LeadRouting.Engine";
    public const string EngineTag = "leadrouting.engine";

    public static readonly ActivitySource Source = new(MeterName, typeof(RoutingTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly string[] OutcomeNames = Enum.GetNames<RoutingOutcome>().Select(n => n.ToLowerInvariant()).ToArray();
    private static readonly string[] ReasonNames = Enum.GetNames<RoutingReason>();

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly KeyValuePair<string, object?> _engine;
    private volatile bool _disposed;

    /// <param name="engineName">The engine's name, tagged on the meter and on every measurement.</param>
    /// <param name="observeUtilization">Reads the utilization gauge.</param>
    /// <param name="meterFactory">Creates the meter (and then owns it); <see langword="null"/> for a meter of the engine's own.</param>
    public RoutingTelemetry(string engineName, Func<IEnumerable<Measurement<double>>> observeUtilization, IMeterFactory? meterFactory = null)
    {
        _engine = new(EngineTag, engineName);
        var options = new MeterOptions(MeterName) { Tags = [_engine] };
        _meter = meterFactory?.Create(options) ?? new Meter(options);
        _ownsMeter = meterFactory is null;
        Routed = _meter.CreateCounter<long>("leadrouting.leads.routed", "{lead}", "Leads routed, by outcome and team.");
        NotAssigned = _meter.CreateCounter<long>("leadrouting.leads.unassigned", "{lead}", "Leads not assigned (unassigned or disqualified), by reason.");
        LostRaces = _meter.CreateCounter<long>("leadrouting.reservations.lost", "{reservation}", "Proposed reps a concurrent route took first (turn or last capacity slot).");
        SinkFailures = _meter.CreateCounter<long>("leadrouting.decision_events.failed", "{event}", "Decision events a sink threw on.");
        DroppedEvents = _meter.CreateCounter<long>("leadrouting.decision_events.dropped", "{event}", "Decision events dropped because the sinks fell behind.");
        // A factory's meter outlives a disposed engine (the factory disposes it), so the gauge goes quiet instead.
        _meter.CreateObservableGauge("leadrouting.rep.utilization", () => _disposed ? [] : observeUtilization(), "1", "Open leads over the open-lead cap, per capped rep.");
    }

    public Counter<long> Routed { get; }

    public Counter<long> NotAssigned { get; }

    public Counter<long> LostRaces { get; }

    public Counter<long> SinkFailures { get; }

    public Counter<long> DroppedEvents { get; }

    /// <summary>Counts a route; the team id is read from the snapshot only when someone listens.</summary>
    public void Record(RoutingOutcome outcome, RoutingReason reason, EngineSnapshot snapshot, int team, int lostRaces)
    {
        if (Routed.Enabled)
        {
            Routed.Add(1, _engine, new("leadrouting.outcome", OutcomeNames[(int)outcome]), new("leadrouting.team", team < 0 ? null : snapshot.TeamIds[team]));
        }

        if (outcome != RoutingOutcome.Assigned && NotAssigned.Enabled)
        {
            NotAssigned.Add(1, _engine, new("leadrouting.outcome", OutcomeNames[(int)outcome]), new("leadrouting.reason", ReasonNames[(int)reason]));
        }

        if (lostRaces > 0 && LostRaces.Enabled)
        {
            LostRaces.Add(lostRaces, _engine);
        }
    }

    public KeyValuePair<string, object?> EngineTagValue => _engine;

    /// <summary>Disposes the meter if the engine created it; a factory's meter is left to its factory, which may share it.</summary>
    public void Dispose()
    {
        _disposed = true;
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
