using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.RoundRobin;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.RoundRobin;

/// <summary>
/// The vectorised scan of one 64-rep word (AVX-512 and AVX2 paths) finds the same rep as a plain scan: the candidate
/// with the oldest turn, the lowest position on ties, and nothing when no candidate is older than the best so far.
/// </summary>
public class OldestInWordTests
{
    [Property(Arbitrary = [typeof(WordScan)], MaxTest = 2_000)]
    public void Both_vector_paths_agree_with_a_plain_scan_of_the_word(WordScan c)
    {
        var all = new long[3 * 64];
        c.Turns.CopyTo(all, c.Word * 64);

        var (expected, expectedTurn) = (-7, c.BestSoFar);
        for (var i = 0; i < 64; i++)
        {
            if ((c.Bits & (1UL << i)) != 0 && c.Turns[i] < expectedTurn)
            {
                (expected, expectedTurn) = ((c.Word * 64) + i, c.Turns[i]);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var (best, turn) = (-7, c.BestSoFar);
            RoundRobinSelector.OldestInWord256(all, c.Word, c.Bits, ref best, ref turn);
            Assert.True((expected, expectedTurn) == (best, turn), $"AVX2 path: {(best, turn)}, plain scan: {(expected, expectedTurn)}");
        }

        if (Vector512.IsHardwareAccelerated)
        {
            var (best, turn) = (-7, c.BestSoFar);
            RoundRobinSelector.OldestInWord512(all, c.Word, c.Bits, ref best, ref turn);
            Assert.True((expected, expectedTurn) == (best, turn), $"AVX-512 path: {(best, turn)}, plain scan: {(expected, expectedTurn)}");
        }
    }

    public sealed record WordScan(int Word, ulong Bits, long[] Turns, long BestSoFar)
    {
        public static Arbitrary<WordScan> Arbitrary => PropertyRunner.Arbitrary(
            from word in Gen.Choose(0, 2)
            from bits in Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => ((ulong)(uint)t.Item1 << 32) | (uint)t.Item2)
            from sparse in Gen.Elements(false, true)
            from turns in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(0, 8).Select(x => (long)x)), (1, Gen.Constant(long.MaxValue))), 64)
            from bestSoFar in Gen.Frequency((3, Gen.Constant(long.MaxValue)), (1, Gen.Choose(0, 9).Select(x => (long)x)))
            select new WordScan(word, sparse ? bits & (bits >> 7) & (bits >> 13) : bits, turns, bestSoFar),
            c => c.Shrink());

        public IEnumerable<WordScan> Shrink() =>
            Enumerable.Range(0, 64).Where(i => (Bits & (1UL << i)) != 0).Select(i => this with { Bits = Bits & ~(1UL << i) })
                .Concat(Enumerable.Range(0, 64).Where(i => Turns[i] != 0 && Turns[i] != long.MaxValue)
                    .Select(i => this with { Turns = [.. Turns.Select((t, j) => j == i ? 0 : t)] }))
                .Take(64);

        public override string ToString() => $"word {Word}, bits {Bits:X16}, best so far {BestSoFar}, turns [{string.Join(",", Turns)}]";
    }
}
