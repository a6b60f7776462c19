using System.Numerics;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.RoundRobin;

/// <summary>
/// Least-recently-assigned rotation. Each rep's last turn is a number from one engine-wide sequence, so the rule is the
/// same whatever subset of reps a lead can go to: two reps eligible for the same leads alternate even when others'
/// eligibility changes lead by lead, a joiner (never assigned) gets the next lead and then queues at the back, and a
/// returner gets one lead, not a catch-up burst.
/// </summary>
internal sealed class RoundRobinSelector(string name) : CompiledSelector(name)
{
    public override RoutingReason EmptyReason => RoutingReason.NoEligibleRep;

    public override int Propose(ref RouteContext context, out long token) =>
        LeastRecentlyAssigned(ref context, out token);

    public override bool Claim(ref RouteContext context, int position, long token) =>
        TryTakeTurn(context.Snapshot, position, token);

    /// <summary>
    /// The candidate with the oldest turn (lowest position on ties), or -1; <paramref name="turn"/> is its turn. When the
    /// snapshot is being retired, sets <see cref="RouteContext.Restart"/> and returns -1.
    /// </summary>
    public static int LeastRecentlyAssigned(ref RouteContext context, out long turn)
    {
        ref var candidates = ref context.Candidates;
        candidates.Materialize();
        var words = candidates.Words;
        var turns = context.Snapshot.Turns;
        var best = -1;
        var bestTurn = EngineSnapshot.RetiredTurn;
        for (var w = candidates.Lo; w < candidates.Hi; w++)
        {
            var bits = words[w];
            while (bits != 0)
            {
                var p = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var t = turns[p];
                if (t < bestTurn)
                {
                    bestTurn = t;
                    best = p;
                }
            }
        }

        // A scan that overlapped the hand-over may have seen some turns already retired and so favour the reps the
        // hand-over had not reached yet: never act on it.
        if (context.Snapshot.IsRetired)
        {
            context.Restart = true;
            best = -1;
        }

        turn = bestTurn;
        return best;
    }

    /// <summary>Moves the rep to the back of the rotation, unless a concurrent route did so since its turn was read.</summary>
    public static bool TryTakeTurn(EngineSnapshot snapshot, int position, long observedTurn) =>
        Interlocked.CompareExchange(ref snapshot.Turns[position], snapshot.Sequence.Next(), observedTurn) == observedTurn;
}
