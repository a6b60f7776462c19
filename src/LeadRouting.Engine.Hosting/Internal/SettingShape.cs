namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// What a configuration value must look like: a scalar, a list of items of one shape, or an object with named
/// settings. The options types' shapes are written out here rather than read by reflection, so that the shape check
/// is trim- and AOT-safe; a test compares them with the options types' public properties, so they cannot drift apart.
/// </summary>
internal sealed class SettingShape
{
    public static readonly SettingShape Text = new(SettingKind.Text, null);
    public static readonly SettingShape WholeNumber = new(SettingKind.WholeNumber, null);
    public static readonly SettingShape Number = new(SettingKind.Number, null);
    public static readonly SettingShape TrueOrFalse = new(SettingKind.TrueOrFalse, null);

    /// <summary>The shape of <see cref="Hosting.LeadRoutingOptions"/>, the root of a lead routing section.</summary>
    public static readonly SettingShape LeadRoutingOptions = DescribeOptions();

    private SettingShape(SettingKind kind, SettingShape? item)
    {
        Kind = kind;
        Item = item;
    }

    public SettingKind Kind { get; }

    /// <summary>The shape of a list's items; <see langword="null"/> for other kinds.</summary>
    public SettingShape? Item { get; }

    /// <summary>An object's settings, in the order of the options type's properties (derived type's first); empty for other kinds.</summary>
    public IReadOnlyList<(string Name, SettingShape Shape)> Settings { get; private set; } = [];

    private static SettingShape ListOf(SettingShape item) => new(SettingKind.List, item);

    private static SettingShape Object(params (string Name, SettingShape Shape)[] settings) =>
        new(SettingKind.Object, null) { Settings = settings };

    /// <summary>One entry per public property of each options type, named exactly as the property.</summary>
    private static SettingShape DescribeOptions()
    {
        // A pipeline contains itself through bands and routes, so its settings are filled in once the others exist.
        var pipeline = Object();
        var target = Object(("Team", Text), ("Pipeline", pipeline));
        var band = Object(("Minimum", Number), ("Team", Text), ("Pipeline", pipeline));
        var route = Object(("Territory", Text), ("Team", Text), ("Pipeline", pipeline));
        var step = Object(
            ("Strategy", Text),
            ("Name", Text),
            ("Measure", Text),
            ("Bands", ListOf(band)),
            ("BelowLowest", target),
            ("Routes", ListOf(route)),
            ("PreferLeastLoaded", TrueOrFalse));
        var fallback = Object(("Team", Text), ("Rep", Text), ("Unassigned", TrueOrFalse));
        pipeline.Settings = [("Steps", ListOf(step)), ("Fallback", fallback)];

        var rep = Object(
            ("Id", Text),
            ("DisplayName", Text),
            ("Weight", WholeNumber),
            ("MaxOpenLeads", WholeNumber),
            ("MaxLeadsPerDay", WholeNumber),
            ("Territories", ListOf(Text)),
            ("Skills", ListOf(Text)),
            ("IsActive", TrueOrFalse),
            ("Seniority", WholeNumber));
        var team = Object(("Id", Text), ("DisplayName", Text), ("Members", ListOf(Text)));
        return Object(
            ("DayBoundaryTimeZone", Text),
            ("Reps", ListOf(rep)),
            ("Teams", ListOf(team)),
            ("Pipeline", pipeline));
    }
}
