namespace LeadRouting.Engine.Skills;

internal static class SkillConstants
{
    public const string DefaultName = "Skills";
}
