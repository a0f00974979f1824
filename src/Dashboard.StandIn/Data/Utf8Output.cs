using System.Buffers;
using System.Text;

namespace Dashboard.StandIn.Data;

/// <summary>A growable UTF-8 buffer on pooled arrays: one response page is written into it, then sent.</summary>
internal sealed class Utf8Output : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer;
    private int length;

    public Utf8Output(int initialCapacity = 64 * 1024)
    {
        buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public int Length => length;

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, length);

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, length);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        length += bytes.Length;
    }

    /// <summary>Writes ASCII text (token values are all ASCII).</summary>
    public void WriteAscii(ReadOnlySpan<char> text)
    {
        var span = GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        length += text.Length;
    }

    public void WriteString(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        length += Encoding.UTF8.GetBytes(text, GetSpan(max));
    }

    public void Truncate(int newLength) => length = Math.Clamp(newLength, 0, length);

    public void Advance(int count) => length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(length);
    }

    public void Dispose()
    {
        var rented = buffer;
        buffer = [];
        length = 0;
        if (rented.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = length + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
