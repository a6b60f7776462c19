namespace LeadRouting.Engine.Tests.Support;

/// <summary>Where the tests' clocks start unless a test names its own time.</summary>
public static class TestClock
{
    /// <summary>
    /// Monday 2026-11-02 09:00 UTC: inside working hours and away from a day boundary, which tests that do not name a time
    /// rely on (FakeTimeProvider's own default, 2000-01-01 00:00, is a Saturday midnight).
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
}
