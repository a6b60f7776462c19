using System.Threading.Channels;

namespace LeadRouting.Engine.Internal;

/// <summary>
/// Hands decision events to the sinks on one background task through a bounded buffer: the route only enqueues (or,
/// when the sinks have fallen behind, drops and counts), so a slow or throwing sink cannot slow or break routing.
/// </summary>
internal sealed class DecisionDispatcher
{
    private readonly Channel<RoutingDecisionEvent> _channel;
    private readonly IRoutingDecisionSink[] _sinks;
    private readonly RoutingTelemetry _telemetry;
    private long _dropped;
    private long _failed;

    public DecisionDispatcher(IEnumerable<IRoutingDecisionSink> sinks, int capacity, RoutingTelemetry telemetry)
    {
        _sinks = [.. sinks];
        _telemetry = telemetry;
        _channel = Channel.CreateBounded<RoutingDecisionEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        Completion = Task.Run(DispatchAsync);
    }

    public Task Completion { get; }

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Failed => Interlocked.Read(ref _failed);

    public void Publish(in RoutingDecisionEvent decisionEvent)
    {
        // TryWrite never waits: a full buffer means the sinks are behind, and routing must not wait for them.
        if (!_channel.Writer.TryWrite(decisionEvent))
        {
            Interlocked.Increment(ref _dropped);
            _telemetry.DroppedEvents.Add(1, _telemetry.EngineTagValue);
        }
    }

    public void Complete() => _channel.Writer.TryComplete();

    private async Task DispatchAsync()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var decisionEvent))
            {
                foreach (var sink in _sinks)
                {
                    try
                    {
                        sink.OnDecision(decisionEvent);
                    }
#pragma warning disable CA1031 // A sink's failure is the sink's: it must never reach routing or stop other sinks.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                        Interlocked.Increment(ref _failed);
                        _telemetry.SinkFailures.Add(1, _telemetry.EngineTagValue);
                    }
                }
            }
        }
    }
}
