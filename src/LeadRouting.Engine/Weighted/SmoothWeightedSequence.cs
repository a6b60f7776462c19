namespace LeadRouting.Engine.Weighted;

/// <summary>
/// Generates nginx's smooth weighted round-robin one pick at a time in amortised O(log k) (k members), instead of the
/// reference loop's O(k). Not thread-safe: the owner serialises calls.
/// </summary>
/// <remarks>
/// <para>
/// After t picks, member i's "current weight" in the reference algorithm is t·wᵢ − W·cᵢ (cᵢ its picks so far, W = Σw),
/// and pick t is the member with the largest value at t, the lowest index on a tie. Each value is a line in t that drops
/// by W when its member is picked. A kinetic tournament keeps the maximum: a binary tree over the members whose nodes
/// hold the winner of their two children and the first step at which that winner could change (the loser's line
/// overtaking, or a change below). A pick invalidates the picked leaf's path only; a query re-plays just the nodes whose
/// step has come.
/// </para>
/// <para>
/// After W picks every cᵢ = wᵢ and all values are back to 0, so the sequence restarts: a period is exactly W picks.
/// </para>
/// </remarks>
internal sealed class SmoothWeightedSequence
{
    private const long Never = long.MaxValue;

    private readonly long[] _weights;
    private readonly long _total;
    private readonly long[] _picks;
    private readonly int _leaves;

    /// <summary>Per tree node (1 is the root, leaves from <see cref="_leaves"/>): the member winning below it, or −1.</summary>
    private readonly int[] _winner;

    /// <summary>Per internal node: the first step at which its winner may be stale (long.MinValue: recompute now).</summary>
    private readonly long[] _validUntil;

    private long _step;

    /// <param name="weights">Every member's weight, all positive, Σ at most <see cref="int.MaxValue"/>.</param>
    public SmoothWeightedSequence(ReadOnlySpan<int> weights)
        : this(ToLong(weights))
    {
    }

    private SmoothWeightedSequence(long[] weights)
    {
        _weights = weights;
        foreach (var w in weights)
        {
            _total += w;
        }

        _picks = new long[weights.Length];
        _leaves = 1;
        while (_leaves < weights.Length)
        {
            _leaves *= 2;
        }

        _winner = new int[2 * _leaves];
        _validUntil = new long[_leaves];
        for (var leaf = 0; leaf < _leaves; leaf++)
        {
            _winner[_leaves + leaf] = leaf < weights.Length ? leaf : -1;
        }

        _validUntil.AsSpan().Fill(long.MinValue);
    }

    /// <summary>The length of a period, W.</summary>
    public long Period => _total;

    /// <summary>Picks made so far within the current period (0 ≤ value &lt; <see cref="Period"/>): the next pick's slot.</summary>
    public long Position => _step;

    /// <summary>Tree nodes recomputed so far: the work done, for tests.</summary>
    public long NodesEvaluated { get; private set; }

    /// <summary>A copy at the same position, for a look ahead that must not move this one.</summary>
    public SmoothWeightedSequence Clone()
    {
        var copy = new SmoothWeightedSequence(_weights);
        _picks.CopyTo(copy._picks, 0);
        copy._step = _step;
        return copy;
    }

    /// <summary>The member of the next slot; moves to the slot after it (back to slot 0 after the last of a period).</summary>
    public int Next()
    {
        var t = _step + 1;
        Refresh(1, t);
        var member = _winner[1];

        _picks[member]++;
        _step = t;
        if (t == _total)
        {
            // Every member has had exactly its weight: the values are all 0 again, as at the start.
            _step = 0;
            _picks.AsSpan().Clear();
            _validUntil.AsSpan().Fill(long.MinValue);
        }
        else
        {
            for (var node = (_leaves + member) / 2; node >= 1; node /= 2)
            {
                _validUntil[node] = long.MinValue;
            }
        }

        return member;
    }

    /// <summary>Moves <paramref name="count"/> picks on without reporting them.</summary>
    public void Skip(long count)
    {
        for (var n = 0L; n < count; n++)
        {
            Next();
        }
    }

    /// <summary>Makes node's winner right for step <paramref name="t"/> (and every step until its new bound).</summary>
    private void Refresh(int node, long t)
    {
        if (node >= _leaves || _validUntil[node] > t)
        {
            return;
        }

        var left = 2 * node;
        var right = left + 1;
        Refresh(left, t);
        Refresh(right, t);
        NodesEvaluated++;
        var a = _winner[left];
        var b = _winner[right];
        var bound = Math.Min(BoundOf(left), BoundOf(right));
        if (b < 0)
        {
            _winner[node] = a;
        }
        else if (a < 0)
        {
            _winner[node] = b;
        }
        else
        {
            // a has the lower index (left subtree), so it wins ties.
            var va = (t * _weights[a]) - (_total * _picks[a]);
            var vb = (t * _weights[b]) - (_total * _picks[b]);
            var (winner, loser, gap, loserWinsTies) = va >= vb ? (a, b, va - vb, false) : (b, a, vb - va, true);
            _winner[node] = winner;
            var gain = _weights[loser] - _weights[winner];
            if (gain > 0)
            {
                // The loser gains `gain` per step: it takes over once it has made up the gap (or passed it, if it loses ties).
                var steps = loserWinsTies ? (gap + gain - 1) / gain : (gap / gain) + 1;
                bound = Math.Min(bound, t + Math.Max(steps, 1));
            }
        }

        _validUntil[node] = bound;
    }

    private static long[] ToLong(ReadOnlySpan<int> weights)
    {
        var copy = new long[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            copy[i] = weights[i];
        }

        return copy;
    }

    private long BoundOf(int node) => node >= _leaves ? Never : _validUntil[node];
}
