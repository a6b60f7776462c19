namespace LeadRouting.Engine;

/// <summary>Engine-wide settings.</summary>
public sealed class RoutingEngineOptions
{
    /// <summary>Source of the current time, for daily caps. Default <see cref="TimeProvider.System"/>; inject a fake one in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The time zone whose midnight resets the per-day caps. Default <see cref="TimeZoneInfo.Utc"/>.</summary>
    public TimeZoneInfo DayBoundaryTimeZone { get; set; } = TimeZoneInfo.Utc;
}
