namespace LeadRouting.Engine.ScoreThreshold;

internal static class ScoreThresholdConstants
{
    public const string DefaultName = "ScoreThreshold";
}
