using System.Text.Json.Nodes;

namespace LeadRouting.Engine.Hosting.Tests.Malformed;

/// <summary>
/// Malformed configurations generated per setting of the JSON shape documented in README.md: for each setting, values of
/// the wrong type or shape (a string where a list belongs, an object where a number belongs, null, an empty string),
/// numbers out of range, unknown references and a 5,000,000-character string, each put into an otherwise valid
/// configuration that uses every setting.
/// </summary>
public static class MalformedConfigurations
{
    public const int Huge = 5_000_000;

    private static readonly Lazy<Dictionary<string, MalformedConfiguration>> Cases = new(Generate);

    public static IReadOnlyDictionary<string, MalformedConfiguration> All => Cases.Value;

    /// <summary>A configuration that sets every setting once (the README's shape), valid as it is.</summary>
    public static JsonObject Complete() => JsonNode.Parse("""
        {
          "DayBoundaryTimeZone": "Europe/Berlin",
          "Reps": [
            { "Id": "ana", "DisplayName": "Ana Weber", "Weight": 2, "MaxOpenLeads": 30, "MaxLeadsPerDay": 25,
              "Territories": [ "DE", "US-CA", "GB:SW1" ], "Skills": [ "de" ], "Seniority": 2, "IsActive": true },
            { "Id": "ben", "Territories": [ "FR" ] }
          ],
          "Teams": [
            { "Id": "emea", "DisplayName": "EMEA", "Members": [ "ana", "ben" ] },
            { "Id": "nurture", "Members": [ "ben" ] }
          ],
          "Pipeline": {
            "Steps": [
              { "Strategy": "ScoreThreshold", "Name": "ScoreBand", "Measure": "Score",
                "Bands": [ { "Minimum": 40, "Team": "emea" },
                           { "Minimum": 80, "Team": "emea", "Pipeline": { "Steps": [ { "Strategy": "RoundRobin" } ], "Fallback": { "Rep": "ana" } } } ],
                "BelowLowest": { "Team": "nurture" } },
              { "Strategy": "TerritoryBranch",
                "Routes": [ { "Territory": "DE", "Team": "emea", "Pipeline": { "Steps": [ { "Strategy": "Weighted" } ], "Fallback": { "Unassigned": true } } } ] },
              { "Strategy": "Territory" },
              { "Strategy": "Capacity", "PreferLeastLoaded": false },
              { "Strategy": "Weighted" }
            ],
            "Fallback": { "Team": "emea" }
          }
        }
        """)!.AsObject();

    private static Dictionary<string, MalformedConfiguration> Generate()
    {
        var cases = new Dictionary<string, MalformedConfiguration>(StringComparer.Ordinal);
        void Add(string path, string kind, Func<JsonNode?> value)
        {
            cases.Add($"{path} = {kind}", new MalformedConfiguration($"LeadRouting:{path}", path, value));
        }

        void Scalar(string path)
        {
            Add(path, "null", static () => null);
            Add(path, "empty string", static () => "");
            Add(path, "object", static () => new JsonObject { ["Value"] = 1 });
            Add(path, "list", static () => new JsonArray(1, 2));
            Add(path, "huge string", static () => new string('A', Huge));
        }

        void Reference(string path, string unknown)
        {
            Scalar(path);
            Add(path, "unknown reference", () => unknown);
        }

        void Number(string path)
        {
            Scalar(path);
            Add(path, "word", static () => "heavy");
        }

        void WholeNumber(string path, params long[] outOfRange)
        {
            Number(path);
            Add(path, "fraction", static () => 1.5);
            foreach (var n in outOfRange)
            {
                Add(path, $"out of range {n}", () => n);
            }
        }

        void Flag(string path)
        {
            Scalar(path);
            Add(path, "word", static () => "yes");
            Add(path, "number", static () => 2);
        }

        void TextList(string path)
        {
            // An empty string is not generated for lists: configuration cannot tell "" from [], an empty list.
            Add(path, "null", static () => null);
            Add(path, "string", static () => "DE");
            Add(path, "number", static () => 5);
            Add(path, "object", static () => new JsonObject { ["First"] = "DE" });
            Add(path, "huge string", static () => new string('A', Huge));
        }

        void ObjectList(string path)
        {
            TextList(path);
            Add($"{path}:0", "null", static () => null);
            Add($"{path}:0", "string", static () => "x");
            Add($"{path}:0", "empty string", static () => "");
            Add($"{path}:0", "number", static () => 5);
            Add($"{path}:0", "list", static () => new JsonArray("x"));
        }

        void Object(string path)
        {
            Add(path, "null", static () => null);
            Add(path, "string", static () => "field");
            Add(path, "empty string", static () => "");
            Add(path, "number", static () => 5);
            Add(path, "list", static () => new JsonArray("x"));
            Add(path, "huge string", static () => new string('A', Huge));
        }

        Scalar("DayBoundaryTimeZone");
        Add("DayBoundaryTimeZone", "unknown zone", static () => "Nowhere/Town");
        Add("DayBoundaryTimeZone", "folder America", static () => "America");
        Add("DayBoundaryTimeZone", "folder Etc", static () => "Etc");
        Add("DayBoundaryTimeZone", "path", static () => "../../../etc/passwd");

        ObjectList("Reps");
        Scalar("Reps:0:Id");
        Scalar("Reps:0:DisplayName");
        WholeNumber("Reps:0:Weight", -1, Rep.MaxWeight + 1, 99_999_999_999);
        WholeNumber("Reps:0:MaxOpenLeads", -1, Rep.MaxCap + 1L, 99_999_999_999);
        WholeNumber("Reps:0:MaxLeadsPerDay", -1, Rep.MaxCap + 1L, 99_999_999_999);
        TextList("Reps:0:Territories");
        Scalar("Reps:0:Territories:1");
        Add("Reps:0:Territories:1", "not a territory", static () => "Germany");
        Add("Reps:0:Territories:1", "huge postal prefix", static () => "GB:" + new string('A', Huge));
        Add("Reps:0:Territories:1", "huge region", static () => "US-" + new string('A', Huge));
        TextList("Reps:0:Skills");
        Scalar("Reps:0:Skills:0");
        WholeNumber("Reps:0:Seniority", 99_999_999_999);
        Flag("Reps:0:IsActive");

        ObjectList("Teams");
        Scalar("Teams:0:Id");
        Scalar("Teams:0:DisplayName");
        TextList("Teams:0:Members");
        Reference("Teams:0:Members:1", "zed");

        Object("Pipeline");
        ObjectList("Pipeline:Steps");
        Reference("Pipeline:Steps:0:Strategy", "Random");
        Scalar("Pipeline:Steps:0:Name");
        Reference("Pipeline:Steps:0:Measure", "Height");
        ObjectList("Pipeline:Steps:0:Bands");
        Number("Pipeline:Steps:0:Bands:0:Minimum");
        Add("Pipeline:Steps:0:Bands:0:Minimum", "infinite", static () => "1e400");
        Add("Pipeline:Steps:0:Bands:1:Minimum", "out of order", static () => 10);
        Reference("Pipeline:Steps:0:Bands:0:Team", "apac");
        Object("Pipeline:Steps:0:Bands:1:Pipeline");
        Object("Pipeline:Steps:0:BelowLowest");
        Reference("Pipeline:Steps:0:BelowLowest:Team", "apac");
        ObjectList("Pipeline:Steps:1:Routes");
        Scalar("Pipeline:Steps:1:Routes:0:Territory");
        Add("Pipeline:Steps:1:Routes:0:Territory", "not a territory", static () => "Germany");
        Add("Pipeline:Steps:1:Routes:0:Territory", "huge postal prefix", static () => "GB:" + new string('A', Huge));
        Reference("Pipeline:Steps:1:Routes:0:Team", "apac");
        Object("Pipeline:Steps:1:Routes:0:Pipeline");
        Flag("Pipeline:Steps:3:PreferLeastLoaded");
        Object("Pipeline:Fallback");
        Reference("Pipeline:Fallback:Team", "apac");
        Reference("Pipeline:Steps:0:Bands:1:Pipeline:Fallback:Rep", "zed");
        Flag("Pipeline:Steps:1:Routes:0:Pipeline:Fallback:Unassigned");
        return cases;
    }
}

/// <summary>One malformed configuration: the complete one with the setting at <see cref="Path"/> replaced.</summary>
/// <param name="Path">The setting's configuration path, as errors name it (<c>LeadRouting:Reps:0:Weight</c>).</param>
/// <param name="RelativePath">The path under the <c>LeadRouting</c> section.</param>
/// <param name="Value">Makes the value put there (<see langword="null"/> for JSON null).</param>
public sealed record MalformedConfiguration(string Path, string RelativePath, Func<JsonNode?> Value)
{
    /// <summary>The appsettings.json document, under "LeadRouting".</summary>
    public string Document()
    {
        var routing = MalformedConfigurations.Complete();
        var segments = RelativePath.Split(':');
        JsonNode parent = routing;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            parent = parent is JsonArray array ? array[int.Parse(segments[i], System.Globalization.CultureInfo.InvariantCulture)]! : parent[segments[i]]!;
        }

        var last = segments[^1];
        if (parent is JsonArray list)
        {
            list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = Value();
        }
        else
        {
            parent[last] = Value();
        }

        return new JsonObject { ["LeadRouting"] = routing }.ToJsonString();
    }
}
