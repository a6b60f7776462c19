using LeadRouting.Engine.Tests.PublicApi.Fixtures;

namespace LeadRouting.Engine.Tests.PublicApi;

public class PublicApiWriterTests
{
    private static string Api(params Type[] types) => PublicApiWriter.Write("Fixtures", types);

    [Fact]
    public void Nullability_of_properties_parameters_and_generic_arguments_is_written()
    {
        var api = Api(typeof(Shapes));

        Assert.Contains("  public string? Note { get; set; }\n", api, StringComparison.Ordinal);
        Assert.Contains("  public System.Collections.Generic.IReadOnlyList<string?> Tags { get; init; }\n", api, StringComparison.Ordinal);
        Assert.Contains("  public required int? Limit { get; init; }\n", api, StringComparison.Ordinal);
        Assert.Contains("  public Shapes();\n", api, StringComparison.Ordinal);
        Assert.Contains("  public bool TryFind(string key, out string? value);\n", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_modifiers_and_default_values_are_written()
    {
        var api = Api(typeof(Shapes));

        Assert.Contains(
            "  public void Take(in System.DateTimeOffset at, ref int count, int limit = 5, string? name = null, " +
            "System.StringComparison comparison = System.StringComparison.Ordinal, params string[] rest);\n",
            api,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Kinds_modifiers_bases_and_constraints_of_types_and_members_are_written()
    {
        var api = Api(typeof(StepBase<>), typeof(IStep), typeof(StepHandler), typeof(Levels), typeof(Point), typeof(ShapeExtensions));

        Assert.Contains("public abstract class LeadRouting.Engine.Tests.PublicApi.Fixtures.StepBase<T> : LeadRouting.Engine.Tests.PublicApi.Fixtures.IStep where T : class, System.IComparable<T>, new()\n", api, StringComparison.Ordinal);
        Assert.Contains("  protected StepBase();\n", api, StringComparison.Ordinal);
        Assert.Contains("  public abstract string Name { get; }\n", api, StringComparison.Ordinal);
        Assert.Contains("  public virtual int Run(T item);\n", api, StringComparison.Ordinal);
        Assert.Contains("  public event System.EventHandler? Ran;\n", api, StringComparison.Ordinal);
        Assert.Contains("  public int this[int index] { get; protected set; }\n", api, StringComparison.Ordinal);
        Assert.Contains("public interface LeadRouting.Engine.Tests.PublicApi.Fixtures.IStep\n  public string Name { get; }\n", api, StringComparison.Ordinal);
        Assert.Contains("public delegate bool LeadRouting.Engine.Tests.PublicApi.Fixtures.StepHandler(string name);\n", api, StringComparison.Ordinal);
        Assert.Contains("[System.FlagsAttribute()]\npublic enum LeadRouting.Engine.Tests.PublicApi.Fixtures.Levels : byte\n  None = 0,\n  Low = 1,\n  High = 2,\n", api, StringComparison.Ordinal);
        Assert.Contains("public readonly record struct LeadRouting.Engine.Tests.PublicApi.Fixtures.Point : System.IEquatable<LeadRouting.Engine.Tests.PublicApi.Fixtures.Point>\n", api, StringComparison.Ordinal);
        Assert.Contains("  public void Deconstruct(out int X, out int Y);\n", api, StringComparison.Ordinal);
        Assert.Contains("  public static bool operator ==(LeadRouting.Engine.Tests.PublicApi.Fixtures.Point left, LeadRouting.Engine.Tests.PublicApi.Fixtures.Point right);\n", api, StringComparison.Ordinal);
        Assert.Contains("  [System.ObsoleteAttribute(\"Use Shape.\")] public static int Area(this LeadRouting.Engine.Tests.PublicApi.Fixtures.Point point);\n", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_and_private_members_and_types_are_not_part_of_the_api()
    {
        var api = Api(typeof(Shapes), typeof(HiddenShape));

        Assert.DoesNotContain("Hidden", api, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", api, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_and_members_are_written_in_a_stable_order_whatever_order_they_come_in()
    {
        Assert.Equal(Api(typeof(Shapes), typeof(Point), typeof(Levels)), Api(typeof(Levels), typeof(Point), typeof(Shapes)));
    }

    [Fact]
    public void The_api_of_the_engine_names_its_entry_points()
    {
        var api = PublicApiWriter.Write(typeof(RoutingEngine).Assembly);

        Assert.Contains("  public LeadRouting.Engine.RoutingDecision Route(LeadRouting.Engine.Lead lead);\n", api, StringComparison.Ordinal);
        Assert.DoesNotContain("LeadRouting.Engine.Internal", api, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diff_shows_a_changed_member_with_its_type_as_the_hunk_heading()
    {
        const string Before = "public class A\n  public int X { get; }\n\npublic class B\n  public int Y { get; }\n  public int Z { get; }\n";
        const string After = "public class A\n  public int X { get; }\n\npublic class B\n  public long Y { get; }\n  public int Z { get; }\n";

        var diff = LineDiff.Unified(Before, After);

        Assert.Equal(
            "@@ -2,5 +2,5 @@ public class B\n" +
            "   public int X { get; }\n \n public class B\n-  public int Y { get; }\n+  public long Y { get; }\n   public int Z { get; }\n",
            diff);
    }

    [Fact]
    public void The_diff_of_equal_texts_is_empty()
    {
        Assert.Equal(string.Empty, LineDiff.Unified("a\nb\n", "a\r\nb\r\n"));
    }
}
