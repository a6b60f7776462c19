using System.Numerics;

namespace LeadRouting.Engine.Weighted;

/// <summary>
/// One period of smooth weighted round-robin (the nginx algorithm) over a fixed group of reps, precomputed so a pick is
/// one counter increment and one array read. The sequence repeats exactly every Σw picks (weights reduced by their
/// greatest common divisor), and each rep appears wᵢ times per period.
/// </summary>
internal sealed class WeightedSchedule
{
    private readonly Internal.SequenceCounter _cursor = new();

    public WeightedSchedule(ulong key, int[] positions, int[] weights, string[] repIds)
    {
        Key = key;
        var divisor = 0;
        foreach (var w in weights)
        {
            divisor = (int)BigInteger.GreatestCommonDivisor(divisor, w);
        }

        var total = 0;
        var reduced = new long[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            reduced[i] = weights[i] / Math.Max(divisor, 1);
            total += (int)reduced[i];
        }

        Positions = new int[total];
        var current = new long[weights.Length];
        for (var n = 0; n < total; n++)
        {
            var best = -1;
            for (var i = 0; i < current.Length; i++)
            {
                current[i] += reduced[i];
                if (reduced[i] > 0 && (best < 0 || current[i] > current[best]))
                {
                    best = i;
                }
            }

            current[best] -= total;
            Positions[n] = positions[best];
        }

        RepIds = new string[total];
        for (var n = 0; n < total; n++)
        {
            RepIds[n] = repIds[Positions[n]];
        }
    }

    /// <summary>The rep id of each slot: what identifies the group across roster replacements, where positions move.</summary>
    public string[] RepIds { get; }

    /// <summary>
    /// Continues where <paramref name="previous"/> (the same group in the snapshot before a roster replacement) stopped,
    /// if it was the same sequence of reps; otherwise the new sequence starts at its first slot.
    /// </summary>
    public void ContinueFrom(WeightedSchedule previous)
    {
        if (previous.RepIds.AsSpan().SequenceEqual(RepIds))
        {
            _cursor.Reset(previous._cursor.Current);
        }
    }

    /// <summary>The <see cref="Internal.RouteContext.SegmentKey"/> of the group.</summary>
    public ulong Key { get; }

    /// <summary>Rep positions in pick order; empty when no rep has a positive weight.</summary>
    public int[] Positions { get; }

    /// <summary>The next slot of the schedule (modulo its length); shared by every route of the group.</summary>
    public int NextSlot() => (int)((ulong)(_cursor.Next() - 1) % (ulong)Positions.Length);

    /// <summary>The slot <paramref name="ahead"/> places after the next one, without taking it (for a preview).</summary>
    public int PeekSlot(int ahead) => (int)((ulong)(_cursor.Current + ahead) % (ulong)Positions.Length);
}
