namespace LeadRouting.Engine;

/// <summary>
/// Options of a skills filter: a value of the lead (its language, product interest or an attribute) must be one of the
/// rep's <see cref="Rep.Skills"/>. To require several skills, add one step per field, each with its own <see cref="Name"/>.
/// </summary>
public sealed class SkillStrategyOptions
{
    /// <summary>The step's name in decisions and explanations. Default <c>"Skills"</c>.</summary>
    public string Name { get; set; } = Skills.SkillConstants.DefaultName;

    /// <summary>Which value of the lead names the required skill. Default <see cref="SkillLeadField.Language"/>.</summary>
    public SkillLeadField Field { get; set; } = SkillLeadField.Language;

    /// <summary>
    /// The attribute key read when <see cref="Field"/> is <see cref="SkillLeadField.Attribute"/> (required then, and must be
    /// <see langword="null"/> otherwise). Keys are matched as the lead's dictionary matches them. Default <see langword="null"/>.
    /// </summary>
    public string? AttributeKey { get; set; }

    /// <summary>
    /// A prefix the rep's skill carries in front of the lead's value, to keep kinds of skill apart in <see cref="Rep.Skills"/>:
    /// with <c>"lang:"</c>, a lead in <c>"de"</c> needs the skill <c>"lang:de"</c>, and rep skills without the prefix are
    /// ignored by this step. Default <c>""</c> (the skill is the lead's value itself).
    /// </summary>
    public string SkillPrefix { get; set; } = string.Empty;
}
