using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// Checks the configuration section itself for what the binder would pass over in silence or throw on: settings no
/// option reads (<c>"MaxOpenLead"</c> for <c>"MaxOpenLeads"</c>), values it cannot convert (<c>"Weight": "heavy"</c>), for
/// which it drops the whole list item, so the rep or step would simply vanish, and values of the wrong shape (a string
/// where a list belongs, an object where a number belongs, null). All must stop start-up, not be ignored.
/// </summary>
/// <remarks>
/// JSON <c>null</c> and <c>{}</c> both reach configuration as a key without value or children, and <c>[]</c> and
/// <c>""</c> both as an empty value; so an empty value is an empty list where a list belongs, and an error elsewhere
/// except for text, whose emptiness the options validator judges per setting.
/// </remarks>
internal static class ConfigurationShapeCheck
{
    /// <summary>Values longer than this are shown shortened in messages.</summary>
    private const int ShownLength = 40;

    /// <summary>Adds the section's problems to <paramref name="errors"/>.</summary>
    /// <returns>Whether a value is malformed (not only an unknown setting), so the bound options may lack what the binder dropped.</returns>
    public static bool Run(IConfiguration section, List<string> errors)
    {
        var unknown = new List<string>();
        var malformed = new List<string>();
        CheckObject(section, SettingShape.LeadRoutingOptions, unknown, malformed);
        errors.AddRange(unknown);
        errors.AddRange(malformed);
        return malformed.Count > 0;
    }

    /// <summary>A value as messages quote it: whole when short, otherwise its start and its length.</summary>
    public static string Show(string? value) => value is null ? "null"
        : value.Length <= ShownLength ? $"'{value}'"
        : string.Create(CultureInfo.InvariantCulture, $"'{value.AsSpan(0, ShownLength)}...' ({value.Length} characters)");

    private static void CheckObject(IConfiguration section, SettingShape shape, List<string> unknown, List<string> malformed)
    {
        foreach (var child in section.GetChildren())
        {
            if (Find(shape.Settings, child.Key) is not { } setting)
            {
                unknown.Add($"{child.Path}: unknown setting {Show(child.Key)}{Suggestion(child.Key, shape.Settings)}.");
                continue;
            }

            CheckValue(child, setting, unknown, malformed);
        }
    }

    private static SettingShape? Find(IReadOnlyList<(string Name, SettingShape Shape)> settings, string key)
    {
        foreach (var (name, shape) in settings)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return shape;
            }
        }

        return null;
    }

    private static void CheckValue(IConfigurationSection node, SettingShape shape, List<string> unknown, List<string> malformed)
    {
        var children = node.GetChildren().ToList();
        if (shape.Kind == SettingKind.List)
        {
            if (node.Value is { Length: > 0 } value)
            {
                malformed.Add($"{node.Path}: {Show(value)} is a single value; write a list: [ ... ].");
            }
            else if (node.Value is null && children.Count == 0)
            {
                malformed.Add($"{node.Path}: is null or an empty object; write a list ([] for none), or leave the setting out.");
            }
            else if (children.Find(c => !int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)) is { } named)
            {
                malformed.Add($"{node.Path}: is an object (with {Show(named.Key)}); write a list: [ ... ].");
            }
            else
            {
                foreach (var item in children)
                {
                    CheckValue(item, shape.Item!, unknown, malformed);
                }
            }
        }
        else if (shape.Kind == SettingKind.Object)
        {
            if (node.Value is { } value)
            {
                malformed.Add(value.Length == 0
                    ? $"{node.Path}: is empty; write an object: {{ ... }}, or leave the setting out."
                    : $"{node.Path}: {Show(value)} is a single value; write an object: {{ ... }}.");
            }
            else if (children.Count == 0)
            {
                malformed.Add($"{node.Path}: is null or an empty object; write its settings: {{ ... }}, or leave the setting out.");
            }
            else
            {
                CheckObject(node, shape, unknown, malformed);
            }
        }
        else if (children.Count > 0)
        {
            malformed.Add($"{node.Path}: is a list or an object; write {Expected(shape.Kind)}.");
        }
        else if (node.Value is null)
        {
            malformed.Add($"{node.Path}: is null or an empty object; write {Expected(shape.Kind)}, or leave the setting out.");
        }
        else if (ValueError(node.Value, shape.Kind) is { } error)
        {
            malformed.Add($"{node.Path}: {error}");
        }
    }

    private static string Expected(SettingKind kind) => kind switch
    {
        SettingKind.WholeNumber => "a whole number",
        SettingKind.Number => "a number",
        SettingKind.TrueOrFalse => "true or false",
        _ => "a text value",
    };

    /// <summary>What is wrong with a value the binder would convert to <paramref name="kind"/> (as it does: invariant culture), or null.</summary>
    private static string? ValueError(string value, SettingKind kind)
    {
        if (kind == SettingKind.Text)
        {
            return null;
        }

        if (value.Length == 0)
        {
            return $"is empty; write {Expected(kind)}, or leave the setting out.";
        }

        return kind switch
        {
            SettingKind.WholeNumber =>
                int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null
                : long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? $"{Show(value)} is out of range: at most {int.MaxValue}."
                : $"{Show(value)} is not a whole number.",
            SettingKind.Number =>
                double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _) ? null : $"{Show(value)} is not a number.",
            SettingKind.TrueOrFalse => bool.TryParse(value, out _) ? null : $"{Show(value)} is not true or false.",
            _ => null,
        };
    }

    private static string Suggestion(string key, IReadOnlyList<(string Name, SettingShape Shape)> settings)
    {
        string? best = null;
        // The distance table is quadratic: a key far longer than any setting's name is no misspelling of one.
        if (key.Length > 2 * ShownLength)
        {
            return string.Empty;
        }

        var bestDistance = 3;
        var names = new string[settings.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = settings[i].Name;
            var d = Distance(key.ToUpperInvariant(), names[i].ToUpperInvariant());
            if (d < bestDistance)
            {
                best = names[i];
                bestDistance = d;
            }
        }

        return best is not null
            ? $" (did you mean '{best}'?)"
            : string.Create(CultureInfo.InvariantCulture, $"; known settings here: {string.Join(", ", names)}");
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
