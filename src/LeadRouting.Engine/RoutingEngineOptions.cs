using System.Diagnostics.Metrics;

namespace LeadRouting.Engine;

/// <summary>Engine-wide settings.</summary>
public sealed class RoutingEngineOptions
{
    /// <summary>Source of the current time, for daily caps and decision events. Default <see cref="TimeProvider.System"/>; inject a fake one in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The time zone whose midnight resets the per-day caps. Default <see cref="TimeZoneInfo.Utc"/>.</summary>
    public TimeZoneInfo DayBoundaryTimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>
    /// The engine's name in metrics (tag <c>leadrouting.engine</c>, also a tag of its <see cref="System.Diagnostics.Metrics.Meter"/>),
    /// traces and decision events, for hosts that run several engines. Default <c>"default"</c>.
    /// </summary>
    public string Name { get; set; } = "default";

    /// <summary>
    /// Creates the engine's <see cref="Meter"/>, for a host whose dependency injection has one (<c>AddMetrics</c>): the
    /// meter is then scoped to that factory, which owns it and disposes it with the host. Default
    /// <see langword="null"/>: the engine creates the meter itself and disposes it in <see cref="RoutingEngine.Dispose"/>.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>
    /// Receivers of every routing decision, for an audit log. Default: none (then routing does no event work at all).
    /// Events are handed to the sinks on a background task through a bounded buffer, so a slow or throwing sink never
    /// slows, breaks or corrupts routing; when the buffer is full, events are dropped and counted.
    /// </summary>
    public IList<IRoutingDecisionSink> DecisionSinks { get; } = [];

    /// <summary>How many decision events may wait for the sinks before new ones are dropped. Default <c>10000</c>.</summary>
    public int DecisionEventBufferSize { get; set; } = 10_000;
}
