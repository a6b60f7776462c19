using System.Diagnostics.Metrics;
using LeadRouting.Engine.Hosting;
using LeadRouting.Engine.Hosting.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers lead routing (<see cref="ILeadRouter"/>) with a service collection.</summary>
/// <remarks>
/// Every overload is idempotent: the router, the validator and <see cref="TimeProvider.System"/> (unless the host
/// registered a <see cref="TimeProvider"/>) are added with <c>TryAdd</c>, and binding the same name to the same section
/// twice binds it once. The options are validated when the host starts (<c>ValidateOnStart</c>), so an invalid
/// configuration stops start-up with one <see cref="OptionsValidationException"/> listing every error by its
/// configuration path, and again on every reload, when an invalid configuration is logged and ignored.
/// </remarks>
public static class LeadRoutingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the default <see cref="ILeadRouter"/>, configured from the <c>"LeadRouting"</c> section of the host's
    /// <see cref="IConfiguration"/> and following its reloads.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="InvalidOperationException">The default router is already bound to another section.</exception>
    public static IServiceCollection AddLeadRouting(this IServiceCollection services) =>
        AddLeadRouting(services, LeadRoutingOptions.DefaultSectionName);

    /// <summary>
    /// Adds the default <see cref="ILeadRouter"/>, configured from a section of the host's <see cref="IConfiguration"/>
    /// and following its reloads.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configSectionPath">The section's path, e.g. <c>"LeadRouting"</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="InvalidOperationException">The default router is already bound to another section.</exception>
    public static IServiceCollection AddLeadRouting(this IServiceCollection services, string configSectionPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configSectionPath);
        return AddSection(services, Options.Options.DefaultName, configSectionPath, section: null);
    }

    /// <summary>Adds the default <see cref="ILeadRouter"/>, configured from <paramref name="configuration"/> and following its reloads.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section that holds the routing (e.g. <c>builder.Configuration.GetSection("LeadRouting")</c>).</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="InvalidOperationException">The default router is already bound to another section.</exception>
    public static IServiceCollection AddLeadRouting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddSection(services, Options.Options.DefaultName, PathOf(configuration), configuration);
    }

    /// <summary>
    /// Adds the default <see cref="ILeadRouter"/>, configured in code. Each call adds its action, as
    /// <c>services.Configure</c> does; with a configuration section as well, binding and actions run in the order of the calls.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Fills in the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddLeadRouting(this IServiceCollection services, Action<LeadRoutingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCode(services, Options.Options.DefaultName, configure);
    }

    /// <summary>
    /// Adds a named <see cref="ILeadRouter"/> (a keyed service, e.g. one per lead stream), configured from a section of
    /// the host's <see cref="IConfiguration"/>. Resolve it with <c>GetRequiredKeyedService&lt;ILeadRouter&gt;(name)</c> or
    /// <c>[FromKeyedServices(name)]</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The router's name: its service key and its options name.</param>
    /// <param name="configSectionPath">The section's path, e.g. <c>"LeadRouting:Partner"</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="InvalidOperationException">The router of that name is already bound to another section.</exception>
    public static IServiceCollection AddKeyedLeadRouting(this IServiceCollection services, string name, string configSectionPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(configSectionPath);
        return AddSection(services, name, configSectionPath, section: null);
    }

    /// <summary>Adds a named <see cref="ILeadRouter"/> (a keyed service), configured from <paramref name="configuration"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The router's name: its service key and its options name.</param>
    /// <param name="configuration">The configuration section that holds the routing.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="InvalidOperationException">The router of that name is already bound to another section.</exception>
    public static IServiceCollection AddKeyedLeadRouting(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddSection(services, name, PathOf(configuration), configuration);
    }

    /// <summary>Adds a named <see cref="ILeadRouter"/> (a keyed service), configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The router's name: its service key and its options name.</param>
    /// <param name="configure">Fills in the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddKeyedLeadRouting(this IServiceCollection services, string name, Action<LeadRoutingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCode(services, name, configure);
    }

    private static string PathOf(IConfiguration configuration) => configuration is IConfigurationSection section ? section.Path : string.Empty;

    private static IServiceCollection AddSection(IServiceCollection services, string name, string path, IConfiguration? section)
    {
        var sources = AddCore(services, name);
        if (sources.AddSection(name, path, section))
        {
            // As BindConfiguration and Bind register it, except that the binder's exceptions become validation failures.
            var builder = services.AddOptions<LeadRoutingOptions>(name);
            if (section is null)
            {
                services.AddSingleton<IOptionsChangeTokenSource<LeadRoutingOptions>>(sp =>
                    new ConfigurationChangeTokenSource<LeadRoutingOptions>(name, sp.GetRequiredService<IConfiguration>()));
                builder.Configure<IConfiguration>((options, configuration) => ConfigurationBinding.Bind(options, configuration.GetSection(path)));
            }
            else
            {
                services.AddSingleton<IOptionsChangeTokenSource<LeadRoutingOptions>>(new ConfigurationChangeTokenSource<LeadRoutingOptions>(name, section));
                builder.Configure(options => ConfigurationBinding.Bind(options, section));
            }
        }

        return services;
    }

    private static IServiceCollection AddCode(IServiceCollection services, string name, Action<LeadRoutingOptions> configure)
    {
        AddCore(services, name).AddCode(name);
        services.Configure(name, configure);
        return services;
    }

    private static LeadRoutingSources AddCore(IServiceCollection services, string name)
    {
        LeadRoutingSources? sources = null;
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(LeadRoutingSources) && !descriptor.IsKeyedService)
            {
                sources = (LeadRoutingSources?)descriptor.ImplementationInstance;
                break;
            }
        }

        if (sources is null)
        {
            sources = new LeadRoutingSources();
            services.AddSingleton(sources);
        }

        if (!sources.Contains(name))
        {
            // Not idempotent by itself: each call adds a configuration action.
            services.AddOptionsWithValidateOnStart<LeadRoutingOptions>(name);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeadRoutingOptions>, LeadRoutingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (name.Length == 0)
        {
            services.TryAddSingleton<ILeadRouter>(sp => CreateRouter(sp, name));
        }
        else
        {
            services.TryAddKeyedSingleton<ILeadRouter>(name, (sp, _) => CreateRouter(sp, name));
        }

        return sources;
    }

    private static LeadRouter CreateRouter(IServiceProvider services, string name)
    {
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new LeadRouter(
            name,
            services.GetRequiredService<IOptionsFactory<LeadRoutingOptions>>(),
            services.GetServices<IOptionsChangeTokenSource<LeadRoutingOptions>>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetService<IMeterFactory>(),
            loggerFactory.CreateLogger(typeof(ILeadRouter).Namespace!));
    }
}
