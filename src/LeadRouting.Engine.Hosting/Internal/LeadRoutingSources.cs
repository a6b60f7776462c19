using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// Where each named <see cref="LeadRoutingOptions"/> comes from: the configuration section it is bound to (if any),
/// whose path prefixes every validation message. One instance per service collection, registered by
/// <c>AddLeadRouting</c>.
/// </summary>
internal sealed class LeadRoutingSources
{
    private readonly ConcurrentDictionary<string, Source> _sources = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> was registered before.</summary>
    public bool Contains(string name) => _sources.ContainsKey(name);

    /// <summary>Records that <paramref name="name"/> is configured in code only (unless it is already bound to a section).</summary>
    public void AddCode(string name) => _sources.TryAdd(name, new Source(DefaultPath(name), null, IsSection: false));

    /// <summary>
    /// Records that <paramref name="name"/> is bound to a section; <see langword="false"/> when it already is bound to
    /// the same one (nothing more to register).
    /// </summary>
    /// <exception cref="InvalidOperationException">The name is already bound to another section.</exception>
    public bool AddSection(string name, string path, IConfiguration? section)
    {
        var added = new Source(path, section, IsSection: true);
        var current = _sources.AddOrUpdate(name, added, (_, existing) => existing.IsSection ? existing : added);
        if (ReferenceEquals(current, added))
        {
            return true;
        }

        if (string.Equals(current.Path, path, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new InvalidOperationException(
            $"Lead routing {Display(name)} is already bound to configuration section '{current.Path}'; it cannot also be bound to '{path}'. "
            + "Use AddKeyedLeadRouting with another name for a second router.");
    }

    /// <summary>The configuration path that prefixes validation messages of <paramref name="name"/>.</summary>
    public string PathOf(string name) => _sources.TryGetValue(name, out var s) ? s.Path : DefaultPath(name);

    /// <summary>The configuration section <paramref name="name"/> is bound to, or <see langword="null"/> when configured in code.</summary>
    /// <param name="name">The options name.</param>
    /// <param name="services">Where the host's <see cref="IConfiguration"/> is, for a section given by its path.</param>
    public IConfiguration? SectionOf(string name, IServiceProvider services)
    {
        if (!_sources.TryGetValue(name, out var s) || !s.IsSection)
        {
            return null;
        }

        return s.Section ?? services.GetService<IConfiguration>()?.GetSection(s.Path);
    }

    /// <summary>How logs and messages name a router: <c>'inbound'</c>, or <c>(default)</c>.</summary>
    public static string Display(string name) => name.Length == 0 ? "(default)" : $"'{name}'";

    private static string DefaultPath(string name) => name.Length == 0 ? LeadRoutingOptions.DefaultSectionName : name;

    private sealed record Source(string Path, IConfiguration? Section, bool IsSection);
}
