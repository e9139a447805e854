namespace Probation.Standards.Tests.Support;

/// <summary>A read-only stream that hands out its bytes a few at a time, as a network stream may.</summary>
internal sealed class SlowStream : Stream
{
    private readonly byte[] data;
    private readonly Func<int> nextSize;
    private int position;

    /// <summary>Returns 1 to 7 bytes per read, chosen by a seeded generator.</summary>
    public SlowStream(byte[] data, int seed)
    {
        this.data = data;
        var random = new Random(seed);
        this.nextSize = () => random.Next(1, 8);
    }

    /// <summary>Returns exactly <paramref name="size"/> bytes per read.</summary>
    public SlowStream(byte[] data, int size, bool fixedSize)
    {
        _ = fixedSize;
        this.data = data;
        this.nextSize = () => size;
    }

    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        this.Reads++;
        var n = Math.Min(Math.Min(this.nextSize(), count), this.data.Length - this.position);
        Array.Copy(this.data, this.position, buffer, offset, n);
        this.position += n;
        return n;
    }

    public override int Read(Span<byte> buffer)
    {
        this.Reads++;
        var n = Math.Min(Math.Min(this.nextSize(), buffer.Length), this.data.Length - this.position);
        this.data.AsSpan(this.position, n).CopyTo(buffer);
        this.position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
