using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Skills;

/// <summary>
/// Keeps the reps holding the skill the lead's value names. Holders are a precomputed mask per skill, found by a
/// case-insensitive lookup of the trimmed value as a span, so a route allocates nothing.
/// </summary>
internal sealed class SkillFilterStep : CompiledStep
{
    private readonly SkillLeadField _field;
    private readonly string? _attributeKey;
    private readonly FrozenDictionary<string, Holders>.AlternateLookup<ReadOnlySpan<char>> _holders;

    public SkillFilterStep(string name, Roster roster, MaskRegistry masks, SkillLeadField field, string? attributeKey, string skillPrefix, long token)
        : base(name)
    {
        _field = field;
        _attributeKey = attributeKey;
        var positions = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < roster.Reps.Length; p++)
        {
            foreach (var skill in roster.Reps[p].Skills)
            {
                var s = skill.AsSpan().Trim();
                if (!s.StartsWith(skillPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                s = s[skillPrefix.Length..].Trim();
                if (s.IsEmpty)
                {
                    continue;
                }

                var key = s.ToString();
                if (!positions.TryGetValue(key, out var list))
                {
                    positions.Add(key, list = []);
                }

                list.Add(p);
            }
        }

        var holders = new Dictionary<string, Holders>(positions.Count, StringComparer.OrdinalIgnoreCase);
        var all = new RepMask[positions.Count];
        var first = masks.AddRange(all.Length, i => all[i]);
        foreach (var (skill, list) in positions)
        {
            // The token names the skill, not its holders, so a group keeps its weighted rotation when the roster changes.
            var i = holders.Count;
            all[i] = new RepMask(list);
            holders.Add(skill, new Holders(all[i], first + i, token ^ StableHash.Of(skill.ToUpperInvariant())));
        }

        _holders = holders.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override StepResult Apply(ref RouteContext context)
    {
        var value = _field switch
        {
            SkillLeadField.Language => context.Lead.Language,
            SkillLeadField.ProductInterest => context.Lead.ProductInterest,
            _ => context.Lead.Attributes.TryGetValue(_attributeKey!, out var v) ? v : null,
        };

        var required = value.AsSpan().Trim();
        if (required.IsEmpty)
        {
            return StepResult.Continue;
        }

        if (!_holders.TryGetValue(required, out var holders) || !context.Candidates.Intersects(holders.Mask))
        {
            context.Trace?.Note(NoHolder(required));
            return StepResult.NoCandidates(RoutingReason.NoSkillMatch);
        }

        context.Trace?.Note(Requires(required));
        context.NarrowStatic(holders.Mask, holders.Id, holders.Token);
        return StepResult.Continue;
    }

    /// <summary>The only reps this step drops are those without the required skill.</summary>
    public override DropReason WhyDropped(int position, ref RouteContext context) => DropReason.MissingSkill;

    // Out of line, so the route path has no interpolated string (and no frame to zero for one).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string NoHolder(ReadOnlySpan<char> skill) => $"no candidate has the skill '{skill}'";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Requires(ReadOnlySpan<char> skill) => $"the lead requires the skill '{skill}'";

    private sealed record Holders(RepMask Mask, int Id, long Token);
}
