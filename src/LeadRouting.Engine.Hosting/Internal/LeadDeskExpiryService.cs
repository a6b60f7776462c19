using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>Calls <see cref="LeadDesk.ExpireOverdue()"/> every interval until the host stops; a failing tick is logged and the next one still runs.</summary>
internal sealed partial class LeadDeskExpiryService(LeadDesk desk, TimeProvider time, TimeSpan interval, ILoggerFactory? loggers) : BackgroundService
{
    private readonly ILogger _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("LeadRouting.Engine.Hosting");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
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
    }

    [LoggerMessage(10, LogLevel.Information, "Lead desk: {Count} overdue assignments taken back and re-routed.")]
    private static partial void Expired(ILogger logger, int count);

    [LoggerMessage(11, LogLevel.Error, "Lead desk: checking response deadlines failed; the next check runs as scheduled.")]
    private static partial void TickFailed(ILogger logger, Exception exception);
}
