namespace LeadRouting.Engine.Capacity;

internal static class CapacityConstants
{
    public const string DefaultName = "Capacity";
}
