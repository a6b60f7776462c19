namespace LeadRouting.Engine.Weighted;

/// <summary>
/// Generates nginx's smooth weighted round-robin one pick at a time in amortised O(log d) (d distinct weights), instead
/// of the reference loop's O(k) over the k members. Not thread-safe: the owner serialises calls.
/// </summary>
/// <remarks>
/// <para>
/// After t picks, member i's "current weight" in the reference algorithm is t·wᵢ − W·cᵢ (cᵢ its picks so far, W = Σw),
/// and pick t is the member with the largest value at t, the lowest index on a tie. Members of equal weight differ only
/// by cᵢ, so among them the reference always picks the least-picked, lowest index first: they take turns in group order.
/// A class of equal weight is therefore one line (its next member's value) that drops by W each time the class has gone
/// round once. A kinetic tournament keeps the maximum line: a binary tree over the classes whose nodes hold the winner
/// of their two children and the first step at which that winner could change (the loser's line overtaking, or a change
/// below). A pick invalidates the picked class's path only; a query re-plays just the nodes whose step has come.
/// </para>
/// <para>
/// After W picks every cᵢ = wᵢ and all values are back to 0, so the sequence restarts: a period is exactly W picks.
/// </para>
/// </remarks>
internal sealed class SmoothWeightedSequence
{
    private const long Never = long.MaxValue;

    private readonly long _total;

    /// <summary>Members grouped by class, each class's in group order.</summary>
    private readonly int[] _members;

    private readonly WeightClass[] _classes;
    private readonly int _leaves;

    /// <summary>Tree nodes, 1 the root: internal below <see cref="_leaves"/>, leaf <c>_leaves + c</c> for class c.</summary>
    private readonly Node[] _nodes;

    private long _step;

    /// <param name="weights">Every member's weight, all positive, Σ at most <see cref="int.MaxValue"/>.</param>
    public SmoothWeightedSequence(ReadOnlySpan<int> weights)
    {
        var classOf = new Dictionary<int, int>();
        var sizes = new List<int>();
        foreach (var w in weights)
        {
            _total += w;
            if (classOf.TryGetValue(w, out var c))
            {
                sizes[c]++;
            }
            else
            {
                classOf[w] = sizes.Count;
                sizes.Add(1);
            }
        }

        _classes = new WeightClass[sizes.Count];
        var offset = 0;
        foreach (var (w, c) in classOf)
        {
            _classes[c] = new WeightClass { Weight = w, Offset = offset, Size = sizes[c] };
            offset += sizes[c];
        }

        _members = new int[weights.Length];
        var filled = new int[_classes.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var c = classOf[weights[i]];
            _members[_classes[c].Offset + filled[c]++] = i;
        }

        _leaves = 1;
        while (_leaves < _classes.Length)
        {
            _leaves *= 2;
        }

        _nodes = new Node[2 * _leaves];
        Restart();
    }

    private SmoothWeightedSequence(SmoothWeightedSequence source)
    {
        _total = source._total;
        _members = source._members;
        _leaves = source._leaves;
        _classes = (WeightClass[])source._classes.Clone();
        _nodes = new Node[source._nodes.Length];
        _step = source._step;
        for (var leaf = 0; leaf < _leaves; leaf++)
        {
            _nodes[_leaves + leaf].Winner = leaf < _classes.Length ? leaf : -1;
        }

        Invalidate();
    }

    /// <summary>The length of a period, W.</summary>
    public long Period => _total;

    /// <summary>Picks made so far within the current period (0 ≤ value &lt; <see cref="Period"/>): the next pick's slot.</summary>
    public long Position => _step;

    /// <summary>Tree nodes recomputed so far: the work done, for tests.</summary>
    public long NodesEvaluated { get; private set; }

    /// <summary>A copy at the same position, for a look ahead that must not move this one.</summary>
    public SmoothWeightedSequence Clone() => new(this);

    /// <summary>The member of the next slot; moves to the slot after it (back to slot 0 after the last of a period).</summary>
    public int Next()
    {
        var t = _step + 1;
        Refresh(1, t);
        var c = _nodes[_leaves == 1 ? _leaves : 1].Winner;
        ref var picked = ref _classes[c];
        var member = _members[picked.Offset + picked.Turn];
        if (++picked.Turn == picked.Size)
        {
            // The class has gone round once: each of its members has one more pick, so its line drops by W.
            picked.Turn = 0;
            picked.Rounds++;
        }

        _step = t;
        if (t == _total)
        {
            // Every member has had exactly its weight: the values are all 0 again, as at the start.
            Restart();
        }
        else
        {
            for (var node = (_leaves + c) / 2; node >= 1; node /= 2)
            {
                _nodes[node].ValidUntil = long.MinValue;
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

    private void Restart()
    {
        _step = 0;
        for (var c = 0; c < _classes.Length; c++)
        {
            _classes[c].Turn = 0;
            _classes[c].Rounds = 0;
        }

        for (var leaf = 0; leaf < _leaves; leaf++)
        {
            _nodes[_leaves + leaf].Winner = leaf < _classes.Length ? leaf : -1;
        }

        Invalidate();
    }

    private void Invalidate()
    {
        for (var node = 1; node < _leaves; node++)
        {
            _nodes[node].ValidUntil = long.MinValue;
        }
    }

    /// <summary>Makes node's winner right for step <paramref name="t"/> (and every step until its new bound).</summary>
    private void Refresh(int node, long t)
    {
        if (node >= _leaves || _nodes[node].ValidUntil > t)
        {
            return;
        }

        var left = 2 * node;
        var right = left + 1;
        Refresh(left, t);
        Refresh(right, t);
        NodesEvaluated++;
        var a = _nodes[left].Winner;
        var b = _nodes[right].Winner;
        var bound = Math.Min(BoundOf(left), BoundOf(right));
        if (b < 0)
        {
            _nodes[node].Winner = a;
        }
        else if (a < 0)
        {
            _nodes[node].Winner = b;
        }
        else
        {
            ref var ca = ref _classes[a];
            ref var cb = ref _classes[b];
            var va = (t * ca.Weight) - (_total * ca.Rounds);
            var vb = (t * cb.Weight) - (_total * cb.Rounds);

            // On equal values the lower member index wins, as in the reference.
            var aWins = va > vb || (va == vb && _members[ca.Offset + ca.Turn] < _members[cb.Offset + cb.Turn]);
            var (winner, loser) = aWins ? (a, b) : (b, a);
            _nodes[node].Winner = winner;
            var gain = _classes[loser].Weight - _classes[winner].Weight;
            if (gain > 0)
            {
                // The loser gains `gain` per step: it takes over once it has made up the gap (or reached it, if it wins ties).
                var gap = aWins ? va - vb : vb - va;
                var loserWinsTies = _members[_classes[loser].Offset + _classes[loser].Turn] < _members[_classes[winner].Offset + _classes[winner].Turn];
                var steps = loserWinsTies ? (gap + gain - 1) / gain : (gap / gain) + 1;
                bound = Math.Min(bound, t + Math.Max(steps, 1));
            }
        }

        _nodes[node].ValidUntil = bound;
    }

    private long BoundOf(int node) => node >= _leaves ? Never : _nodes[node].ValidUntil;

    /// <summary>The members of one weight, taking turns in group order.</summary>
    private struct WeightClass
    {
        public long Weight;

        /// <summary>Times the class has gone round: the pick count of its next member.</summary>
        public long Rounds;

        public int Offset;
        public int Size;

        /// <summary>Which member of the class is next (0 ≤ Turn &lt; Size).</summary>
        public int Turn;
    }

    private struct Node
    {
        public long ValidUntil;
        public int Winner;
    }
}
