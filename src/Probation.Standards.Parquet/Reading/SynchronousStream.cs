using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Probation.Standards.Parquet.Reading;

/// <summary>
/// A read-only view of a seekable stream whose asynchronous reads complete at once with a synchronous read, for the
/// blocking API: Parquet.Net awaits every page it reads, and on a busy machine each await that really went
/// asynchronous would wait for a thread-pool thread; reading a local file or a memory stream needs none.
/// </summary>
internal sealed class SynchronousStream : Stream
{
    private readonly Stream inner;

    public SynchronousStream(Stream inner) => this.inner = inner;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => this.inner.Length;

    public override long Position { get => this.inner.Position; set => this.inner.Position = value; }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => this.inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => this.inner.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(this.inner.Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(this.Read(buffer, offset, count));

    public override long Seek(long offset, SeekOrigin origin) => this.inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
