namespace LeadRouting.Engine.RoundRobin;

internal static class RoundRobinConstants
{
    public const string DefaultName = "RoundRobin";
}
