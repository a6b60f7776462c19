using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// Checks the configuration section itself for what the binder would pass over in silence: settings no option reads
/// (<c>"MaxOpenLead"</c> for <c>"MaxOpenLeads"</c>), and values it cannot convert (<c>"Weight": "heavy"</c>), for which
/// it drops the whole list item, so the rep or step would simply vanish. Both must stop start-up, not be ignored.
/// </summary>
internal static class ConfigurationShapeCheck
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
            if (child.Value is { } value && ValueError(value, Nullable.GetUnderlyingType(propertyType) ?? propertyType) is { } error)
            {
                errors.Add($"{child.Path}: '{value}' {error}");
            }
            else if (ItemType(propertyType) is { } itemType)
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

    /// <summary>What is wrong with a value the binder would convert to <paramref name="type"/> (as it does: invariant culture), or null.</summary>
    private static string? ValueError(string value, Type type)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (type == typeof(int))
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : "is not a whole number.";
        }

        if (type == typeof(double))
        {
            return double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _) ? null : "is not a number.";
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(value, out _) ? null : "is not true or false.";
        }

        return null;
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
