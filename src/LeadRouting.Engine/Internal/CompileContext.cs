namespace LeadRouting.Engine.Internal;

/// <summary>What a step needs to bind itself to a roster: positions, team masks, shared counters.</summary>
internal sealed class CompileContext
{
    private readonly Stack<CompiledFallback> _fallbacks = new();
    private readonly IReadOnlyDictionary<string, CompiledSelector> _previousSelectors;
    private readonly int _firstTeamMask;

    public CompileContext(Roster roster, RepState[] states, SequenceCounter sequence, IReadOnlyDictionary<string, CompiledSelector>? previousSelectors)
    {
        _previousSelectors = previousSelectors ?? new Dictionary<string, CompiledSelector>();
        Roster = roster;
        States = states;
        Sequence = sequence;
        TeamMasks = new RepMask[roster.Teams.Length];
        for (var t = 0; t < TeamMasks.Length; t++)
        {
            var members = roster.Teams[t].MemberIds;
            var positions = new int[members.Count];
            for (var m = 0; m < positions.Length; m++)
            {
                positions[m] = roster.RepIndex[members[m]];
            }

            TeamMasks[t] = new RepMask(positions);
        }

        _firstTeamMask = Masks.AddRange(TeamMasks.Length, t => TeamMasks[t]);
    }

    public Roster Roster { get; }

    public RepState[] States { get; }

    public SequenceCounter Sequence { get; }

    public RepMask[] TeamMasks { get; }

    /// <summary>The snapshot's statically narrowed masks, by number: steps register theirs while they compile.</summary>
    public MaskRegistry Masks { get; } = new();

    /// <summary>The number of team <paramref name="teamIndex"/>'s mask in <see cref="Masks"/>.</summary>
    public int TeamMaskId(int teamIndex) => _firstTeamMask + teamIndex;

    /// <summary>Selectors compiled so far, by path: the next snapshot hands each its predecessor's state.</summary>
    public Dictionary<string, CompiledSelector> Selectors { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A number for one step or target in <see cref="RouteContext.SegmentKey"/>: derived from its path in the pipeline,
    /// so the same step has the same token in every snapshot and a group keeps its key across roster replacements.
    /// </summary>
    public static long TokenFor(string path) => StableHash.Of(path);

    /// <summary>The selector that had this path in the previous snapshot, if any.</summary>
    public CompiledSelector? PreviousSelector(string path) => _previousSelectors.GetValueOrDefault(path);

    public int TeamIndexOf(string teamId, string path) =>
        Roster.TeamIndex.TryGetValue(teamId, out var t)
            ? t
            : throw new ArgumentException($"{path}: unknown team '{teamId}'.");

    public int RepPositionOf(string repId, string path) =>
        Roster.RepIndex.TryGetValue(repId, out var p)
            ? p
            : throw new ArgumentException($"{path}: unknown rep '{repId}'.");

    public CompiledPipeline CompileRoot(RoutingPipeline pipeline) => Compile(pipeline, CompiledFallback.Unassigned, "pipeline");

    public CompiledPipeline CompileNested(RoutingPipeline pipeline, string path) => Compile(pipeline, _fallbacks.Peek(), path);

    private CompiledPipeline Compile(RoutingPipeline pipeline, CompiledFallback inherited, string path)
    {
        var fallback = pipeline.Fallback.Kind switch
        {
            FallbackKind.Unassigned => CompiledFallback.Unassigned,
            FallbackKind.Team => CompileTeamFallback(pipeline.Fallback.Id!, $"{path}.Fallback.Team"),
            FallbackKind.Rep => CompiledFallback.Rep(RepPositionOf(pipeline.Fallback.Id!, $"{path}.Fallback.Rep")),
            _ => inherited,
        };

        _fallbacks.Push(fallback);
        try
        {
            var definitions = pipeline.Steps;
            var steps = new CompiledStep[definitions.Length - 1];
            for (var i = 0; i < steps.Length; i++)
            {
                steps[i] = definitions[i].CompileStep(this, $"{path}.{definitions[i].Name}");
            }

            var last = definitions[^1];
            var selectorPath = $"{path}.{last.Name}";
            var selector = last.CompileSelector(this, selectorPath);
            Selectors[selectorPath] = selector;
            return new CompiledPipeline(steps, selector, fallback);
        }
        finally
        {
            _fallbacks.Pop();
        }
    }

    private CompiledFallback CompileTeamFallback(string teamId, string path)
    {
        var t = TeamIndexOf(teamId, path);
        return CompiledFallback.Team(t, TeamMasks[t]);
    }
}
