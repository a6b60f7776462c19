using LeadRouting.Engine;
using LeadRouting.Engine.Hosting.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the background service that enforces a <see cref="LeadDesk"/>'s response deadlines.</summary>
public static class LeadDeskExpiryServiceCollectionExtensions
{
    /// <summary>
    /// Adds a hosted service that calls <see cref="LeadDesk.ExpireOverdue()"/> on a timer (from the registered
    /// <see cref="TimeProvider"/>, else <see cref="TimeProvider.System"/>), so assignments nobody accepted in time are taken
    /// back and re-routed, schedule boundaries apply and queued leads are offered after midnight. The host registers the
    /// <see cref="LeadDesk"/> singleton itself. Idempotent: a second call changes nothing.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="interval">How often to check. Default 5 seconds; must be positive.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddLeadDeskExpiry(this IServiceCollection services, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var every = interval ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero, nameof(interval));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LeadDeskExpiryService>(sp =>
            new LeadDeskExpiryService(sp.GetRequiredService<LeadDesk>(), sp.GetRequiredService<TimeProvider>(), every, sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>())));
        return services;
    }
}
