using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// Binds <see cref="LeadRoutingOptions"/> from configuration without letting the binder's own exceptions escape: a value
/// of the wrong shape (an object where text belongs) makes the binder throw before validation could name its path. The
/// failure is kept with the options it left half-bound, and <see cref="LeadRoutingOptionsValidator"/> reports it with
/// the configuration's other problems, as an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>.
/// </summary>
internal static class ConfigurationBinding
{
    private static readonly ConditionalWeakTable<LeadRoutingOptions, InvalidOperationException> Failures = [];

    public static void Bind(LeadRoutingOptions options, IConfiguration section)
    {
        try
        {
            // Intercepted by the configuration-binding generator (EnableConfigurationBindingGenerator): no reflection.
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            Failures.AddOrUpdate(options, ex);
        }
    }

    /// <summary>Why binding <paramref name="options"/> stopped, or <see langword="null"/> when it did not.</summary>
    public static InvalidOperationException? FailureOf(LeadRoutingOptions options) => Failures.TryGetValue(options, out var failure) ? failure : null;
}
