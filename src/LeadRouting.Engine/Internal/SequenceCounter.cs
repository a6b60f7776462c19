using System.Runtime.InteropServices;

namespace LeadRouting.Engine.Internal;

/// <summary>
/// A 64-bit counter alone on its cache line(s), so the threads that bump it do not also invalidate their neighbours.
/// Lives for the whole engine, so rotation order survives roster replacement.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal sealed class SequenceCounter
{
    [FieldOffset(64)]
    private long _value;

    public long Next() => Interlocked.Increment(ref _value);
}
