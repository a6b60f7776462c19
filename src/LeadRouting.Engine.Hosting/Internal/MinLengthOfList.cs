namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>Why <c>[MinLength]</c> on the options' lists is safe to trim.</summary>
internal static class MinLengthOfList
{
    /// <summary>
    /// <c>MinLengthAttribute</c> needs reflection only to find a <c>Count</c> on a value that is not an
    /// <c>ICollection</c>. This package never runs the attribute itself (the generated validator uses its own copy of
    /// it), and the lists it would check are <see cref="List{T}"/>s, which are.
    /// </summary>
    public const string Justification =
        "MinLength reflects only over values that are not an ICollection; these lists are List<T>, and the generated validator checks them with its own copy of the attribute.";
}
