using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Internal;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Internal;

/// <summary>
/// The numbers a route records for the masks it narrowed to: ranges registered one after the other (empty ones too) number
/// their masks consecutively, and every number finds its own range's mask.
/// </summary>
public class MaskRegistryTests
{
    [Property(Arbitrary = [typeof(RangeSizes)], MaxTest = 500)]
    public void Every_number_finds_the_mask_its_range_gave_it_whatever_the_range_sizes(int[] ranges)
    {
        var registry = new MaskRegistry();

        // Mask i of range r holds the one position r * 100 + i, so a lookup into the wrong range or index shows.
        var expected = new List<int>();
        for (var r = 0; r < ranges.Length; r++)
        {
            var range = r;
            var first = registry.AddRange(ranges[r], i => new RepMask([(range * 100) + i]));
            Assert.Equal(expected.Count, first);
            for (var i = 0; i < ranges[r]; i++)
            {
                expected.Add((r * 100) + i);
            }
        }

        Assert.Equal(expected.Count, registry.Count);
        for (var id = 0; id < expected.Count; id++)
        {
            var mask = registry[id];
            Assert.True(mask.Count == 1 && mask.Contains(expected[id]), $"mask {id} should hold {expected[id]}");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => registry[expected.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => registry[-1]);
    }

    /// <summary>0 to 12 range sizes of 0 to 40 masks, empty ranges now and then.</summary>
    public static class RangeSizes
    {
        public static Arbitrary<int[]> Arbitrary => PropertyRunner.Arbitrary(
            Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 40))), n)),
            s => Shrink.Array(s, x => Shrink.Toward(x, 0)));
    }
}
