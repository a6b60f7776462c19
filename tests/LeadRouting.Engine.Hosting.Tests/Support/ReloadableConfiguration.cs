using System.Text;
using Microsoft.Extensions.Configuration;

namespace LeadRouting.Engine.Hosting.Tests.Support;

/// <summary>
/// A configuration source whose whole content is replaced from JSON on demand, raising the same reload token a changed
/// appsettings.json raises, synchronously: reload tests need no file watcher and no waiting.
/// </summary>
public sealed class ReloadableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public ReloadableConfiguration(string json) => Data = Flatten(json);

    /// <summary>Starts from raw key/value pairs (for shapes a JSON file could not hold, such as nesting deeper than 64).</summary>
    public ReloadableConfiguration(IDictionary<string, string?> data) => Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Replaces the content and fires the reload token; the router reloads before this returns.</summary>
    public void Replace(string json)
    {
        Data = Flatten(json);
        OnReload();
    }

    /// <summary>Replaces the content with raw key/value pairs (to feed the binder values JSON would not produce).</summary>
    public void ReplaceRaw(IDictionary<string, string?> data)
    {
        Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }

    public static IConfigurationRoot Root(ReloadableConfiguration source) => new ConfigurationBuilder().Add(source).Build();

    private static Dictionary<string, string?> Flatten(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var parsed = new ConfigurationBuilder().AddJsonStream(stream).Build();
        // Keys without a value stay: JSON null and {} arrive so from appsettings.json, and validation must see them.
        return parsed.AsEnumerable().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
    }
}
