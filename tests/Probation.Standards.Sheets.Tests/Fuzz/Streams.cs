namespace Probation.Standards.Sheets.Tests.Fuzz;

/// <summary>A read-only, unseekable stream that hands over one to seven bytes a read, as a slow request body does.</summary>
internal sealed class TrickleStream : Stream
{
    private readonly byte[] data;
    private int position;
    private int turn;

    public TrickleStream(byte[] data) => this.data = data;

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
        var n = Math.Min(Math.Min(count, 1 + (this.turn++ % 7)), this.data.Length - this.position);
        Array.Copy(this.data, this.position, buffer, offset, n);
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
