namespace LeadRouting.Engine.Territories;

internal static class TerritoryConstants
{
    public const string FilterName = "Territory";
    public const string BranchName = "TerritoryBranch";
}
