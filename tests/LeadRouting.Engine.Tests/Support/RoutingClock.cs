namespace LeadRouting.Engine.Tests.Support;

/// <summary>A clock that runs host code (e.g. a route on another engine) each time it is read, for re-entrancy tests.</summary>
internal sealed class RoutingClock(Action onRead) : TimeProvider
{
    private readonly FakeTimeProvider _time = new();

    public override DateTimeOffset GetUtcNow()
    {
        onRead();
        return _time.GetUtcNow();
    }
}
