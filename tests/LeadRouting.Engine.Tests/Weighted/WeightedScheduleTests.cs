using LeadRouting.Engine.Weighted;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Weighted;

/// <summary>
/// The weighted schedule on its own: the exact smooth weighted round-robin sequence whether the period is kept inline
/// (short) or in an array (long), the cursor's reduction modulo the period at every value it can take (including across
/// its wrap point and past 2³², where the fast remainder hands over to the division), and exact shares when several
/// threads pick from one group.
/// </summary>
public class WeightedScheduleTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 64).Select(i => $"r{i}")];

    [Fact]
    public void A_short_period_kept_inline_gives_the_exact_smooth_sequence()
    {
        // 5/1/1: the documented a a b a c a a, with positions that are not 0..n-1 so the slot → position map is exercised.
        var schedule = new WeightedSchedule(1, [7, 3, 12], [5, 1, 1], Ids);

        Assert.True(schedule.Period <= WeightedSchedule.InlineSlots);
        Assert.Equal(Repeat([7, 7, 3, 7, 12, 7, 7], 3), Take(schedule, 21));
    }

    [Fact]
    public void A_long_period_kept_in_an_array_gives_the_exact_smooth_sequence()
    {
        // 4/3/2/1 (period 10), worked by hand: a b c a b d a c b a.
        var schedule = new WeightedSchedule(1, [20, 21, 22, 23], [4, 3, 2, 1], Ids);

        Assert.True(schedule.Period > WeightedSchedule.InlineSlots);
        Assert.Equal(Repeat([20, 21, 22, 20, 21, 23, 20, 22, 21, 20], 3), Take(schedule, 30));
    }

    [Theory]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 2, 1 })]
    [InlineData(new[] { 3, 3, 2 })]
    [InlineData(new[] { 6, 2 })] // reduces to 3/1
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, 1 })] // exactly the inline capacity
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1 })] // one more
    [InlineData(new[] { 70, 30 })] // reduces to 7/3, period 10
    [InlineData(new[] { 0, 5, 0, 3, 9, 1 })]
    [InlineData(new[] { 12, 11, 10, 9, 8, 7, 6 })]
    public void Every_period_length_follows_the_reference_algorithm_and_a_preview_shows_the_next_pick(int[] weights)
    {
        var positions = Enumerable.Range(0, weights.Length).Select(i => 2 * i).ToArray();
        var schedule = new WeightedSchedule(1, positions, weights, Ids);
        var expected = Reference(positions, weights);

        Assert.Equal(expected.Length, schedule.Period);
        Assert.Equal(expected, schedule.Positions);
        for (var n = 0; n < 3 * expected.Length; n++)
        {
            Assert.Equal(expected[(n + 1) % expected.Length], schedule.PositionAt(schedule.PeekSlot(1)));
            var peeked = schedule.PeekSlot(0);
            var slot = schedule.NextSlot();
            Assert.Equal(peeked, slot);
            Assert.Equal(expected[n % expected.Length], schedule.PositionAt(slot));
        }
    }

    [Fact]
    public void A_group_of_weight_zero_only_has_an_empty_period()
    {
        var schedule = new WeightedSchedule(1, [0, 1], [0, 0], Ids);

        Assert.Equal(0, schedule.Period);
        Assert.Empty(schedule.Positions);
    }

    [Theory]
    [InlineData(new[] { 1 })] // period 1: the fast remainder's multiplier wraps to 0
    [InlineData(new[] { 2, 1 })]
    [InlineData(new[] { 4, 3 })]
    [InlineData(new[] { 4, 3, 2, 1 })]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, 1 })] // a power of two
    [InlineData(new[] { 40_000, 25_003 })] // a long period that does not divide 2^30
    [InlineData(new[] { 65_536, 65_535 })] // 131,071, a prime
    public void The_slot_is_the_cursor_modulo_the_period_at_every_cursor_value(int[] weights)
    {
        var schedule = new WeightedSchedule(1, [.. Enumerable.Range(0, weights.Length)], weights, Ids);
        var period = (ulong)schedule.Period;
        var wrap = schedule.WrapPoint;
        Assert.Equal(0, wrap % schedule.Period);

        var random = new Random(period.GetHashCode());
        var values = new List<long> { 0, 1, (long)period - 1, (long)period, (long)period + 1, wrap - 1, wrap, wrap + 1, int.MaxValue, uint.MaxValue - 1, uint.MaxValue, 1L << 32, (1L << 32) + 1, (1L << 40) + 3, (1L << 62) + 5 };
        values.AddRange(Enumerable.Range(0, 2000).Select(_ => random.NextInt64(0, 1L << 32)));
        values.AddRange(Enumerable.Range(0, 200).Select(_ => random.NextInt64(1L << 32, 1L << 62)));
        foreach (var v in values)
        {
            schedule.SetCursor(v);
            Assert.True((ulong)schedule.PeekSlot(0) == (ulong)v % period, $"peek at cursor {v}");
            Assert.True((ulong)schedule.PeekSlot(3) == (ulong)(v + 3) % period, $"peek 3 ahead of cursor {v}");
            Assert.True((ulong)schedule.NextSlot() == (ulong)v % period, $"pick at cursor {v}");
        }
    }

    [Fact]
    public void Crossing_the_wrap_point_continues_the_sequence_and_brings_the_cursor_back()
    {
        var schedule = new WeightedSchedule(1, [0, 1, 2, 3], [4, 3, 2, 1], Ids);
        schedule.SetCursor(schedule.WrapPoint - 3);

        var slots = Enumerable.Range(0, 25).Select(_ => schedule.NextSlot()).ToArray();

        var start = (schedule.WrapPoint - 3) % schedule.Period;
        Assert.Equal(Enumerable.Range(0, 25).Select(n => (start + n) % schedule.Period), slots);
        Assert.Equal(22, schedule.Cursor);
    }

    [Fact]
    public void Continuing_from_a_schedule_of_the_same_reps_carries_the_position_in_the_period_over()
    {
        var previous = new WeightedSchedule(1, [0, 1, 2, 3], [4, 3, 2, 1], Ids);
        previous.SetCursor(previous.WrapPoint + 7); // as if caught between a wrapping pick's two atomic operations
        var next = new WeightedSchedule(1, [0, 1, 2, 3], [4, 3, 2, 1], Ids, previous);
        var other = new WeightedSchedule(1, [0, 1, 2, 3], [4, 3, 1, 2], Ids, previous);

        Assert.Equal(previous.PeekSlot(0), next.NextSlot());
        Assert.True(next.Cursor < next.Period);
        Assert.Equal(0, other.NextSlot());
    }

    [Theory]
    [InlineData(new[] { 2, 1 }, 0L)]
    [InlineData(new[] { 5, 3, 2, 1, 1 }, 0L)]
    [InlineData(new[] { 5, 3, 2, 1, 1 }, -5_000L)] // starts 5,000 picks before the wrap point, so threads cross it
    [InlineData(new[] { 1, 1, 1 }, -1L)]
    public void Threads_picking_from_one_schedule_take_every_slot_exactly_once_per_period(int[] weights, long fromWrap)
    {
        const int Threads = 4;
        const int Periods = 20_000;
        var schedule = new WeightedSchedule(1, [.. Enumerable.Range(0, weights.Length)], weights, Ids);
        var start = fromWrap < 0 ? schedule.WrapPoint + fromWrap : 0;
        schedule.SetCursor(start);
        var total = (long)Periods * schedule.Period;
        var remaining = total;
        var counts = new long[Threads, schedule.Period];

        Concurrently.Run(Threads, t =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                counts[t, schedule.NextSlot()]++;
            }
        });

        for (var slot = 0; slot < schedule.Period; slot++)
        {
            var taken = Enumerable.Range(0, Threads).Sum(t => counts[t, slot]);
            Assert.True(taken == Periods, $"slot {slot} of {schedule.Period} taken {taken} times in {Periods} periods");
        }

        Assert.Equal((start + total) % schedule.Period, schedule.Cursor % schedule.Period);
        Assert.True(schedule.Cursor < schedule.WrapPoint, $"cursor {schedule.Cursor} did not wrap at {schedule.WrapPoint}");
    }

    [Theory]
    [InlineData(new[] { 2, 1 })]
    [InlineData(new[] { 5, 3, 2, 1, 1 })]
    public void Threads_routing_through_one_group_give_each_rep_exactly_its_weight_per_period(int[] weights)
    {
        const int Threads = 4;
        const int Periods = 5_000;
        var engine = new RoutingEngine(new Roster(weights.Select((w, i) => new Rep(Ids[i]) { Weight = w })), new RoutingPipelineBuilder().AddWeighted().Build());
        var period = weights.Sum();
        var remaining = (long)Periods * period;
        var counts = new int[Threads, weights.Length];

        Concurrently.Run(Threads, t =>
        {
            var lead = new Lead($"t{t}");
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                counts[t, Array.IndexOf(Ids, engine.Route(lead).RepId)]++;
            }
        });

        for (var i = 0; i < weights.Length; i++)
        {
            Assert.Equal(Periods * weights[i], Enumerable.Range(0, Threads).Sum(t => counts[t, i]));
        }
    }

    private static int[] Take(WeightedSchedule schedule, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => schedule.PositionAt(schedule.NextSlot()))];

    private static int[] Repeat(int[] period, int times) => [.. Enumerable.Repeat(period, times).SelectMany(p => p)];

    /// <summary>nginx smooth weighted round-robin over one period of Σw / gcd picks, written out independently.</summary>
    internal static int[] Reference(int[] positions, int[] weights)
    {
        var gcd = weights.Where(w => w > 0).Aggregate(0, (a, b) => (int)System.Numerics.BigInteger.GreatestCommonDivisor(a, b));
        var w = weights.Select(x => gcd == 0 ? 0 : x / gcd).ToArray();
        var total = w.Sum();
        var current = new long[w.Length];
        var sequence = new int[total];
        for (var n = 0; n < total; n++)
        {
            var best = -1;
            for (var i = 0; i < w.Length; i++)
            {
                current[i] += w[i];
                if (w[i] > 0 && (best < 0 || current[i] > current[best]))
                {
                    best = i;
                }
            }

            current[best] -= total;
            sequence[n] = positions[best];
        }

        return sequence;
    }
}
