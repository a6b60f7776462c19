namespace LeadRouting.Engine.Weighted;

internal static class WeightedConstants
{
    public const string DefaultName = "Weighted";
}
