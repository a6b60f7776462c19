namespace LeadRouting.Quickstart;

/// <summary>
/// A clock the sample moves by hand. Daily caps read the engine's <see cref="TimeProvider"/>; with this one the lead
/// stream covers the same hours of the same day on every run, so the printed tables never change.
/// </summary>
internal sealed class FixedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
