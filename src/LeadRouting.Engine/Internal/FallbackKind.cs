namespace LeadRouting.Engine.Internal;

internal enum FallbackKind
{
    /// <summary>Use the enclosing pipeline's fallback (root: unassigned).</summary>
    Inherit,
    Unassigned,
    Team,
    Rep,
}
