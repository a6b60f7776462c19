using LeadRouting.Engine.Weighted;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Weighted;

/// <summary>
/// The lock-free schedule table: every group is found after many inserts (and so many resizes), also by threads reading
/// while the inserts and resizes happen; key 0 is a key like any other; colliding keys probe past each other.
/// </summary>
public class WeightedScheduleTableTests
{
    private static readonly string[] Ids = ["a"];

    [Fact]
    public void Key_zero_is_an_ordinary_key()
    {
        var table = new WeightedScheduleTable();
        Assert.Null(table.Find(0));

        var zero = table.Add(Schedule(0));
        var sixteen = table.Add(Schedule(16)); // same home slot as 0 in the first array

        Assert.Same(zero, table.Find(0));
        Assert.Same(sixteen, table.Find(16));
        Assert.Null(table.Find(32));
        Assert.Same(zero, table.Add(Schedule(0)));
    }

    [Fact]
    public void Keys_with_the_same_low_bits_are_all_found()
    {
        var table = new WeightedScheduleTable();
        var keys = Enumerable.Range(1, 300).Select(i => (ulong)i << 40).ToArray();
        var schedules = keys.Select(k => table.Add(Schedule(k))).ToArray();

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Same(schedules[i], table.Find(keys[i]));
        }

        Assert.Null(table.Find(301UL << 40));
        Assert.Null(table.Find(0));
        Assert.Equal(keys.Length, table.All().Count());
    }

    [Fact]
    public void Every_group_is_found_after_many_inserts_while_other_threads_read_through_the_resizes()
    {
        const int Groups = 40_000;
        const int Readers = 3;
        var random = new Random(7);
        var keys = new HashSet<ulong> { 0 };
        while (keys.Count < 2 * Groups)
        {
            keys.Add((ulong)random.NextInt64());
        }

        var all = keys.ToArray();
        var inserted = all[..Groups];
        var absent = all[Groups..];
        var schedules = inserted.Select(Schedule).ToArray();
        var table = new WeightedScheduleTable();
        var published = 0;
        var lookups = new long[Readers];

        Concurrently.Run(Readers + 1, t =>
        {
            if (t == Readers)
            {
                for (var i = 0; i < Groups; i++)
                {
                    Assert.Same(schedules[i], table.Add(schedules[i]));
                    Volatile.Write(ref published, i + 1);
                }

                return;
            }

            var mine = new Random(t);
            int seen;
            do
            {
                seen = Volatile.Read(ref published);
                for (var k = 0; k < 64; k++)
                {
                    if (seen > 0)
                    {
                        // Published before this read began: must be found, in whatever array is current.
                        var i = mine.Next(seen);
                        var found = table.Find(inserted[i]);
                        Assert.True(ReferenceEquals(found, schedules[i]), $"group {i} (key {inserted[i]}) not found after {seen} inserts");
                    }

                    // Never inserted: never found, and the probe ends (a miss always meets an empty slot).
                    Assert.Null(table.Find(absent[mine.Next(absent.Length)]));
                    lookups[t]++;
                }
            }
            while (seen < Groups);
        });

        for (var i = 0; i < Groups; i++)
        {
            Assert.Same(schedules[i], table.Find(inserted[i]));
        }

        Assert.Equal(Groups, table.All().Count());
        Assert.All(lookups, n => Assert.True(n > 0));
    }

    private static WeightedSchedule Schedule(ulong key) => new(key, [0], [1], Ids);
}
