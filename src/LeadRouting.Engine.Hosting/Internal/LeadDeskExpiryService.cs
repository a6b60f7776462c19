using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>Calls <see cref="LeadDesk.ExpireOverdue()"/> every interval until the host stops; a failing tick is logged and the next one still runs.</summary>
/// <remarks>
/// Not a BackgroundService: since .NET 10 that starts ExecuteAsync on the thread pool, so its timer would begin at some
/// later moment. Here the timer is made on the injected <see cref="TimeProvider"/> and waited on before StartAsync returns.
/// </remarks>
internal sealed partial class LeadDeskExpiryService(LeadDesk desk, TimeProvider time, TimeSpan interval, ILoggerFactory? loggers) : IHostedService, IDisposable
{
    private readonly ILogger _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("LeadRouting.Engine.Hosting");
    private readonly CancellationTokenSource _stopping = new();
    private Task? _checks;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _checks = CheckEveryIntervalAsync(_stopping.Token);
        return _checks.IsCompleted ? _checks : Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_checks is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _checks.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task CheckEveryIntervalAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                Check();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void Check()
    {
        try
        {
            var expired = desk.ExpireOverdue();
            if (expired > 0)
            {
                Expired(_logger, expired);
            }
        }
#pragma warning disable CA1031 // One failing tick (a LeadMoved handler that throws) must not stop deadline enforcement.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TickFailed(_logger, ex);
        }
    }

    [LoggerMessage(10, LogLevel.Information, "Lead desk: {Count} overdue assignments taken back and re-routed.")]
    private static partial void Expired(ILogger logger, int count);

    [LoggerMessage(11, LogLevel.Error, "Lead desk: checking response deadlines failed; the next check runs as scheduled.")]
    private static partial void TickFailed(ILogger logger, Exception exception);
}
