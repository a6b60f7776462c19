namespace LeadRouting.Engine.Tests.Support;

/// <summary>A clock that runs host code (a route on another engine, a roster change) each time it is read, for re-entrancy tests.</summary>
internal sealed class RoutingClock(Action onRead) : FakeTimeProvider(TestClock.Start)
{
    public override DateTimeOffset GetUtcNow()
    {
        onRead();
        return base.GetUtcNow();
    }
}
