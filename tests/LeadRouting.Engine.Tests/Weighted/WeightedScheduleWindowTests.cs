using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;
using LeadRouting.Engine.Weighted;

namespace LeadRouting.Engine.Tests.Weighted;

/// <summary>
/// A period too long to precompute is generated a chunk at a time (<see cref="WeightedScheduleWindow"/>): the same
/// sequence as the reference algorithm slot for slot, across chunk and period boundaries, for previews, after a roster
/// replacement and under concurrent takers; and the work of a pick is bounded by the chunk, not by Σw.
/// </summary>
public class WeightedScheduleWindowTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 200).Select(i => "r" + i)];

    /// <summary>
    /// Random groups (up to 40 reps, weights up to 1,000, zeros included), random chunk sizes, kept whole or in a ring of
    /// two chunks: every slot taken over two periods and a bit, and previews at random distances, are the reference's.
    /// </summary>
    [Property(Arbitrary = [typeof(ChunkScenario)], MaxTest = 300)]
    public void Chunked_periods_follow_the_reference_algorithm_slot_for_slot(ChunkScenario s)
    {
        var positions = Enumerable.Range(0, s.Weights.Length).Select(i => 3 * i).ToArray();
        var schedule = new WeightedSchedule(1, positions, s.Weights, Ids, materialiseLimit: 0, chunk: s.Chunk, keepWhole: s.KeepWhole ? int.MaxValue : 0);
        var expected = WeightedScheduleTests.Reference(positions, s.Weights);
        Assert.Equal(expected.Length, schedule.Period);
        var random = new Random(s.Weights.Length + s.Chunk);
        for (var n = 0; n < (2 * expected.Length) + 7; n++)
        {
            if (n % 5 == 0)
            {
                var ahead = random.Next(3 * s.Chunk);
                Assert.True(expected[(n + ahead) % expected.Length] == schedule.Peek(ahead, out _), $"{s}: preview {ahead} ahead of pick {n}");
            }

            var position = schedule.Take(out var slot);
            Assert.True(slot == n % expected.Length && position == expected[slot], $"{s}: pick {n} took slot {slot}, rep {position}; expected slot {n % expected.Length}, rep {expected[n % expected.Length]}");
        }
    }

    [Fact]
    public void The_first_pick_of_a_long_period_generates_one_chunk_and_each_later_pick_a_logarithmic_amount()
    {
        const int Reps = 5_000;
        var weights = Enumerable.Range(0, Reps).Select(i => 1 + (i * 7_919 % 1_000)).ToArray();
        var ids = Enumerable.Range(0, Reps).Select(i => "r" + i).ToArray();
        var schedule = new WeightedSchedule(1, [.. Enumerable.Range(0, Reps)], weights, ids);
        var window = schedule.Window!;
        Assert.NotNull(window);
        Assert.Equal(0, window.Generated);

        schedule.Take(out _);
        Assert.Equal(WeightedScheduleWindow.DefaultChunk, window.Generated);
        // Setting up the tournament over the group once, then O(log k) per generated slot.
        Assert.True(window.NodesEvaluated < 2 * 8_192 + (WeightedScheduleWindow.DefaultChunk * 64), $"first pick evaluated {window.NodesEvaluated} nodes");

        const int Taken = 200_000;
        for (var n = 1; n < Taken; n++)
        {
            schedule.Take(out _);
        }

        Assert.True(window.Generated <= Taken + WeightedScheduleWindow.DefaultChunk, $"{window.Generated} slots generated for {Taken} picks");
        var perSlot = (double)window.NodesEvaluated / window.Generated;
        Assert.True(perSlot < 4 * Math.Log2(Reps), $"{perSlot:F1} nodes evaluated per slot at {Reps} reps");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Continuing_a_chunked_period_after_a_replacement_carries_the_position_and_maps_the_reps_to_their_new_positions(bool keepWhole)
    {
        int[] weights = [7, 0, 5, 3, 2, 11, 1];
        int[] before = [0, 1, 2, 3, 4, 5, 6];
        int[] after = [40, 41, 42, 43, 44, 45, 46];
        var whole = keepWhole ? int.MaxValue : 0;
        var oldIds = Enumerable.Range(0, 7).Select(i => "r" + i).ToArray();
        var newIds = Enumerable.Range(0, 47).Select(i => i >= 40 ? "r" + (i - 40) : "x" + i).ToArray();
        var previous = new WeightedSchedule(1, before, weights, oldIds, materialiseLimit: 0, chunk: 4, keepWhole: whole);
        for (var n = 0; n < 23; n++)
        {
            previous.Take(out _);
        }

        var next = new WeightedSchedule(1, after, weights, newIds, previous, materialiseLimit: 0, chunk: 4, keepWhole: whole);
        var changed = new WeightedSchedule(1, after, [7, 0, 5, 3, 2, 11, 2], newIds, previous, materialiseLimit: 0, chunk: 4, keepWhole: whole);

        var expected = WeightedScheduleTests.Reference(after, weights);
        for (var n = 23; n < 23 + (2 * expected.Length); n++)
        {
            Assert.Equal(expected[n % expected.Length], next.Take(out _));
        }

        Assert.Equal(WeightedScheduleTests.Reference(after, [7, 0, 5, 3, 2, 11, 2])[0], changed.Take(out var slot));
        Assert.Equal(0, slot);
    }

    /// <summary>
    /// Four threads take 20,000 periods' worth of slots from one chunked group (small chunks, so refills race constantly):
    /// every slot a take returns holds the reference's rep, and no slot is handed out more often than once per period. A
    /// ring of two chunks may skip a slot whose taker stalled a whole window; a period kept whole never does.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Threads_taking_from_a_chunked_period_get_the_reference_rep_for_every_slot(bool keepWhole)
    {
        const int Threads = 4;
        const int Periods = 20_000;
        int[] weights = [9, 5, 3, 2, 1, 1, 13];
        int[] positions = [.. Enumerable.Range(0, weights.Length)];
        var expected = WeightedScheduleTests.Reference(positions, weights);
        var schedule = new WeightedSchedule(1, positions, weights, Ids, materialiseLimit: 0, chunk: 8, keepWhole: keepWhole ? int.MaxValue : 0);
        var remaining = (long)Periods * expected.Length;
        var counts = new long[Threads, expected.Length];
        var wrong = new long[Threads];

        Concurrently.Run(Threads, t =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var position = schedule.Take(out var slot);
                counts[t, slot]++;
                wrong[t] += position == expected[slot] ? 0 : 1;
            }
        });

        Assert.Equal(0, wrong.Sum());
        var total = 0L;
        for (var slot = 0; slot < expected.Length; slot++)
        {
            var taken = Enumerable.Range(0, Threads).Sum(t => counts[t, slot]);
            total += taken;
            Assert.True(keepWhole ? taken == Periods : taken <= Periods + 1, $"slot {slot} handed out {taken} times in {Periods} periods");
        }

        Assert.Equal((long)Periods * expected.Length, total);
    }

    public sealed record ChunkScenario(int[] Weights, int Chunk, bool KeepWhole)
    {
        public static Arbitrary<ChunkScenario> Arbitrary => PropertyRunner.Arbitrary(
            from k in Gen.Choose(1, 40)
            from top in Gen.Elements(1, 3, 12, 100, 1_000)
            from weights in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, top))), k).Where(ws => ws.Any(x => x > 0))
            from chunkBits in Gen.Choose(0, 7)
            from keepWhole in Gen.Elements(false, true)
            select new ChunkScenario(weights, 1 << chunkBits, keepWhole),
            s => Support.Shrink.Array(s.Weights, w => Support.Shrink.Toward(w, 0), minLength: 1).Select(x => s with { Weights = x }),
            s => s.Weights.Any(x => x > 0));

        public override string ToString() => $"weights {Fmt.List(Weights)}, chunk {Chunk}, {(KeepWhole ? "kept whole" : "ring of two chunks")}";
    }
}
