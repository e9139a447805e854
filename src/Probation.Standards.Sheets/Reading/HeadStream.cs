using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Probation.Standards.Sheets.Reading;

/// <summary>
/// An unseekable stream read on after its first bytes were taken to tell its encoding: those bytes first, then the
/// rest of the stream. It does not own the stream.
/// </summary>
internal sealed class HeadStream : Stream
{
    private readonly byte[] head;
    private readonly int length;
    private readonly Stream rest;
    private int position;

    public HeadStream(byte[] head, int length, Stream rest)
    {
        this.head = head;
        this.length = length;
        this.rest = rest;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => this.Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (this.position < this.length)
        {
            return this.FromHead(buffer);
        }

        return this.rest.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (this.position < this.length)
        {
            return new ValueTask<int>(this.FromHead(buffer.Span));
        }

        return this.rest.ReadAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int FromHead(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, this.length - this.position);
        this.head.AsSpan(this.position, n).CopyTo(buffer);
        this.position += n;
        return n;
    }
}
