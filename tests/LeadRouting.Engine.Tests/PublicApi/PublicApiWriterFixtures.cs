#pragma warning disable CA1019, CA1024, CA1030, CA1034, CA1043, CA1045, CA1051, CA1711, CA1716, CA1720, CA1805, CA1822, CA2225, CA2227, CS0067, IDE0060
// Shapes for PublicApiWriterTests: every construct the writer has to render. Not used by the engine tests.

namespace LeadRouting.Engine.Tests.PublicApi.Fixtures;

public sealed class Shapes
{
    private string? _secret;

    public string? Note { get; set; }

    public IReadOnlyList<string?> Tags { get; init; } = [];

    public required int? Limit { get; init; }

    internal int HiddenCount { get; set; }

    public bool TryFind(string key, out string? value)
    {
        value = key + _secret;
        return true;
    }

    public void Take(in DateTimeOffset at, ref int count, int limit = 5, string? name = null, StringComparison comparison = StringComparison.Ordinal, params string[] rest)
    {
    }

    internal void HiddenMethod() => _secret = null;
}

public interface IStep
{
    string Name { get; }
}

public abstract class StepBase<T> : IStep
    where T : class, IComparable<T>, new()
{
    protected StepBase()
    {
    }

    public event EventHandler? Ran;

    public abstract string Name { get; }

    public int this[int index] { get => index; protected set { } }

    public virtual int Run(T item) => 0;

    private protected void HiddenHelper()
    {
    }
}

public delegate bool StepHandler(string name);

[Flags]
public enum Levels : byte
{
    None = 0,
    High = 2,
    Low = 1,
}

public readonly record struct Point(int X, int Y);

public static class ShapeExtensions
{
    [Obsolete("Use Shape.")]
    public static int Area(this Point point) => point.X * point.Y;
}

internal sealed class HiddenShape
{
    public int Secret { get; set; }
}
