using System.Runtime.CompilerServices;

namespace LeadRouting.Engine.Internal;

/// <summary>Per-route scratch state, on the stack: the lead, the snapshot and the candidate sets.</summary>
internal ref struct RouteContext
{
    private const int MaxStaticMasks = 8;

    // The numbers (in the snapshot's MaskRegistry) of the masks narrowed to: integers, so the frame holding the context
    // does not zero them on entry and recording one needs no write barrier, where references cost both on every route.
    private StaticMaskIds _static;

    /// <param name="lead">The lead.</param>
    /// <param name="snapshot">The snapshot routed on.</param>
    /// <param name="candidates">The candidate set's words.</param>
    /// <param name="spare">The spare set's words (see <see cref="StartSpare"/>).</param>
    /// <param name="pending">Pending-mask storage for both sets (2 × <see cref="CandidateSet.MaxPendingMasks"/>), or empty when the roster's sets start materialised.</param>
    /// <param name="preview">Whether this is a preview (see <see cref="Preview"/>).</param>
    /// <param name="trace">The explanation to record into, or null.</param>
    public RouteContext(Lead lead, EngineSnapshot snapshot, Span<ulong> candidates, Span<ulong> spare, Span<RepMask> pending, bool preview, ExplanationBuilder? trace)
    {
        // Every field a route reads is assigned below (the spare set by StartSpare, before its first use); the
        // mask-number slots are only read below their count. SkipInit saves the compiler's field-by-field zeroing (dozens
        // of stores) on top of the JIT's vectorised zeroing of the reference-holding part in the caller's frame; few
        // stores matter twice here, as the route's first atomic instruction waits until every earlier store is in cache.
        Unsafe.SkipInit(out this);
        Lead = lead;
        Snapshot = snapshot;
        Trace = trace;
        var half = pending.Length / 2;
        Candidates.Initialize(snapshot.ActiveWords, candidates, pending[..half]);
        _spareWords = spare;
        _sparePending = pending[half..];
        SegmentKey = 0;

        // In declaration order, adjacent: the JIT merges them into a few wide stores.
        TeamIndex = -1;
        LostRaces = 0;
        PreviewProbes = 0;
        _staticCount = 0;
        Day = int.MinValue;
        Restart = false;
        CapacityChecked = false;
        Preview = preview;
        EveryoneFree = false;
        DeferredCapacity = false;
        PreferLeastLoaded = false;
    }

    public readonly Lead Lead;

    public readonly EngineSnapshot Snapshot;

    /// <summary>Records the route step by step for an explanation; null (and free) otherwise.</summary>
    public readonly ExplanationBuilder? Trace;

    /// <summary>Reps still eligible: narrowed by every step.</summary>
    public CandidateSet Candidates;

    /// <summary>A second set over its own words, for a least-loaded selection only: call <see cref="StartSpare"/> first.</summary>
    public CandidateSet Spare;

    private readonly Span<ulong> _spareWords;
    private readonly Span<RepMask> _sparePending;

    /// <summary>
    /// Identity of the path taken through the lead-dependent steps (team, territory rule): equal keys mean the same
    /// fixed group of peers, for which a selector keeps its schedule. Reps excluded for the moment (inactive, full) do
    /// not change it.
    /// </summary>
    public ulong SegmentKey;

    /// <summary>The team a band, territory branch or fallback targeted; -1 when none.</summary>
    public int TeamIndex;

    /// <summary>Proposals lost to a concurrent route (a turn taken first, or a slot a capacity check had seen free).</summary>
    public int LostRaces;

    /// <summary>How many weighted slots this preview has looked ahead.</summary>
    public int PreviewProbes;

    private int _staticCount;

    /// <summary>Today's day number once read (see <see cref="Today"/>); <see cref="int.MinValue"/> before.</summary>
    public int Day;

    /// <summary>Set when the snapshot was replaced under the route before it reserved anything: route again on the new one.</summary>
    public bool Restart;

    /// <summary>Set by a capacity step: a reservation that fails afterwards lost a race rather than met a full rep.</summary>
    public bool CapacityChecked;

    /// <summary>A preview: decide as a route would, but take no turn, slot or capacity.</summary>
    public readonly bool Preview;

    /// <summary>A preview of a world where every rep is available and has room (see <see cref="ImagineEveryoneFree"/>).</summary>
    public bool EveryoneFree;

    /// <summary>The pipeline's capacity step was left to the selection: check each proposed rep's caps before taking its turn.</summary>
    public bool DeferredCapacity;

    /// <summary>Set by a capacity step: offer the selector the least-loaded candidates first.</summary>
    public bool PreferLeastLoaded;

    /// <summary>Starts the spare set (as the active reps, materialised when first used); most routes never need it.</summary>
    public void StartSpare() => Spare.InitializeLazily(Snapshot.ActiveWords, _spareWords, _sparePending);

    /// <summary>Today's day number, read from the clock at most once per route.</summary>
    public int Today => Snapshot.Today(ref Day);

    /// <summary>Restricts the route from the start, and after any fallback's reset, to one rep (see <see cref="CandidateSet.RestrictTo"/>).</summary>
    public void RestrictTo(int position) => Candidates.RestrictTo(position);

    /// <summary>
    /// Makes this preview ask whether anybody could ever take the lead: every rep of the roster starts as a candidate,
    /// switched on or not, and no cap is reached. Call before <see cref="Exclude"/>.
    /// </summary>
    public void ImagineEveryoneFree()
    {
        EveryoneFree = true;
        Candidates.Rebase(Snapshot.EveryRep);
    }

    /// <summary>Reps this route must never get (see <see cref="CandidateSet.Exclude"/>).</summary>
    public void Exclude(ReadOnlySpan<int> positions) => Candidates.Exclude(positions);

    /// <summary>
    /// Narrows to a precomputed mask, given by its head (see <see cref="MaskHead"/>) and its number in the snapshot's
    /// <see cref="EngineSnapshot.Masks"/>, and records the step's choice in the segment key.
    /// </summary>
    public void NarrowStatic(in MaskHead head, int maskId, long token)
    {
        Candidates.Narrow(head);
        if (_staticCount < MaxStaticMasks)
        {
            _static[_staticCount++] = maskId;
        }

        SegmentKey = MixKey(SegmentKey, token);
    }

    /// <summary>As <see cref="NarrowStatic(in MaskHead, int, long)"/>, for a caller that holds only the mask (the skill step).</summary>
    public void NarrowStatic(RepMask mask, int maskId, long token) => NarrowStatic(new MaskHead(mask), maskId, token);

    /// <summary>The group of peers <see cref="SegmentKey"/> names: every rep (active or not) in all the masks narrowed to.</summary>
    public readonly List<int> StaticGroup()
    {
        var group = new List<int>();
        if (_staticCount == 0)
        {
            for (var p = 0; p < Snapshot.Count; p++)
            {
                group.Add(p);
            }

            return group;
        }

        // A group's first lead only (the selector keeps the group's schedule), so it may allocate.
        var masks = new RepMask[_staticCount];
        for (var i = 0; i < masks.Length; i++)
        {
            masks[i] = Snapshot.Masks[_static[i]];
        }

        var driver = masks[0];
        for (var i = 1; i < masks.Length; i++)
        {
            if (masks[i].Count < driver.Count)
            {
                driver = masks[i];
            }
        }

        for (var j = 0; j < driver.WordCount; j++)
        {
            var w = driver.WordIndexAt(j);
            var bits = driver.BitsAt(j);
            foreach (var mask in masks)
            {
                bits &= mask.WordAt(w);
            }

            while (bits != 0)
            {
                group.Add((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits));
                bits &= bits - 1;
            }
        }

        return group;
    }

    public static ulong MixKey(ulong key, long token)
    {
        // One odd multiply and one xor-shift, both invertible: the same key with two different tokens never gives the
        // same result, and two different keys (each itself such a result, tokens being hashes of names) collide only
        // if key1 + token1 == key2 + token2, probability ~2^-64. The xor-shift brings high bits down into the low ones
        // the schedule table indexes by. Fewer dependent instructions than splitmix64's three rounds: a weighted route's
        // schedule lookup waits for this key.
        var z = (key + (ulong)token) * 0xBF58476D1CE4E5B9UL;
        return z ^ (z >> 29);
    }

    [InlineArray(MaxStaticMasks)]
    private struct StaticMaskIds
    {
        private int _element;
    }
}
