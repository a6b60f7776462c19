namespace LeadRouting.Engine.Internal;

/// <summary>
/// Every mask a route of one snapshot may narrow to statically (teams, territory rules' owners, skills' holders), by a
/// number. A route records the numbers of the masks it narrowed to: plain integers on its stack, which the JIT neither
/// zeroes on entry nor guards with a write barrier, where references had cost both on every route. The rare route that
/// needs the masks themselves (a weighted group's first lead, see <see cref="RouteContext.StaticGroup"/>) looks them up
/// here.
/// </summary>
/// <remarks>
/// A step registers its masks as one numbered range with a function from its own index to the mask, so a territory step's
/// 50,000 rules cost one entry here, not 50,000.
/// </remarks>
internal sealed class MaskRegistry
{
    private readonly List<(int First, Func<int, RepMask> MaskAt)> _ranges = [];
    private int _count;

    /// <summary>Numbers <paramref name="count"/> masks; mask <c>i</c> of the range is <c>first + i</c>.</summary>
    /// <returns>The number of the range's first mask.</returns>
    public int AddRange(int count, Func<int, RepMask> maskAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = _count;
        _ranges.Add((first, maskAt));
        _count += count;
        return first;
    }

    /// <summary>How many masks are numbered.</summary>
    public int Count => _count;

    /// <summary>The mask numbered <paramref name="id"/>.</summary>
    public RepMask this[int id]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, _count);

            // Ranges are few (a team range, one per territory or skill step) and numbered in order: the last that starts
            // at or below the id holds it.
            var r = _ranges.Count - 1;
            while (_ranges[r].First > id)
            {
                r--;
            }

            return _ranges[r].MaskAt(id - _ranges[r].First);
        }
    }
}
