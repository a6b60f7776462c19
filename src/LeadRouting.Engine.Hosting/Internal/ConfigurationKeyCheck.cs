using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// Finds settings in the configuration that no option reads (<c>"MaxOpenLead"</c> for <c>"MaxOpenLeads"</c>), which the
/// binder would skip in silence: a cap that is misspelt must stop start-up, not be ignored.
/// </summary>
internal static class ConfigurationKeyCheck
{
    public static void Run(IConfiguration section, List<string> errors) => Check(section, typeof(LeadRoutingOptions), errors);

    private static void Check(IConfiguration section, Type type, List<string> errors)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var child in section.GetChildren())
        {
            var property = Array.Find(properties, p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                errors.Add($"{child.Path}: unknown setting '{child.Key}'{Suggestion(child.Key, properties)}.");
                continue;
            }

            var propertyType = property.PropertyType;
            if (ItemType(propertyType) is { } itemType)
            {
                if (IsOptionsType(itemType))
                {
                    foreach (var item in child.GetChildren())
                    {
                        Check(item, itemType, errors);
                    }
                }
            }
            else if (IsOptionsType(propertyType))
            {
                Check(child, propertyType, errors);
            }
        }
    }

    private static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) ? type.GetGenericArguments()[0] : null;

    private static bool IsOptionsType(Type type) => type.IsClass && type != typeof(string);

    private static string Suggestion(string key, PropertyInfo[] properties)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var p in properties)
        {
            var d = Distance(key.ToUpperInvariant(), p.Name.ToUpperInvariant());
            if (d < bestDistance)
            {
                best = p.Name;
                bestDistance = d;
            }
        }

        return best is not null
            ? $" (did you mean '{best}'?)"
            : string.Create(CultureInfo.InvariantCulture, $"; known settings here: {string.Join(", ", Array.ConvertAll(properties, p => p.Name))}");
    }

    /// <summary>Levenshtein distance; names are short, so the quadratic table is fine.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }
}
