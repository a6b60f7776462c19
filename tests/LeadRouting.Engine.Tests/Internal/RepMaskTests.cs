using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Internal;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Internal;

/// <summary>A fixed rep set stored as its non-zero words only: it holds exactly the positions it was built from.</summary>
public class RepMaskTests
{
    [Property(Arbitrary = [typeof(Positions)], MaxTest = 500)]
    public void A_mask_holds_exactly_its_positions_whatever_their_order_spread_or_repetition(int[] positions)
    {
        var mask = new RepMask(positions);
        var expected = positions.ToHashSet();
        Assert.Equal(expected.Count, mask.Count);
        Assert.Equal(expected.Select(p => p >> 6).Distinct().Count(), mask.WordCount);
        for (var p = 0; p < 5_100; p++)
        {
            Assert.True(mask.Contains(p) == expected.Contains(p), $"position {p}: mask says {mask.Contains(p)}");
        }

        for (var j = 0; j < mask.WordCount; j++)
        {
            Assert.True(mask.BitsAt(j) != 0);
            Assert.True(j == 0 || mask.WordIndexAt(j) > mask.WordIndexAt(j - 1), "words in ascending order");
            Assert.Equal(mask.BitsAt(j), mask.WordAt(mask.WordIndexAt(j)));
        }

        if (expected.Count > 0)
        {
            Assert.Equal(expected.Min() >> 6, mask.FirstWord);
            Assert.Equal((expected.Max() >> 6) + 1, mask.EndWord);
        }
    }

    /// <summary>0 to 40 rep positions, mostly within the first few words, some far out, repeats allowed.</summary>
    public static class Positions
    {
        public static Arbitrary<int[]> Arbitrary => PropertyRunner.Arbitrary(
            Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(0, 200)), (1, Gen.Choose(0, 5_000))), n)),
            s => Shrink.Array(s, x => Shrink.Toward(x, 0)));
    }
}
