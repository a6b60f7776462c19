namespace LeadRouting.Engine.Internal;

internal static class StepNames
{
    public static void Validate(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"{field} must not be empty.", field);
        }
    }
}
