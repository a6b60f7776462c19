namespace LeadRouting.Engine;

/// <summary>A period a rep is away (leave, training, sick day), as two instants: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public sealed class OutOfOfficePeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="start">When the rep leaves, inclusive.</param>
    /// <param name="end">When the rep is back, exclusive; after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public OutOfOfficePeriod(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"OutOfOfficePeriod.End ({end:O}) must be after Start ({start:O}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>When the rep leaves, inclusive.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When the rep is back, exclusive.</summary>
    public DateTimeOffset End { get; }

    /// <inheritdoc />
    public override string ToString() => $"away {Start:O} to {End:O}";
}
