using System;
using System.Buffers;
using System.Collections.Generic;

namespace Probation.Standards.Parquet.Reading;

/// <summary>
/// The large per-row and per-chunk buffers of one read, taken from <see cref="ArrayPool{T}.Shared"/> and given back
/// together when the read ends, so that reading table after table does not make the runtime find (and the system
/// zero) a hundred megabytes of fresh memory for each million rows. An array taken may be longer than asked for (a
/// power of two) and holds whatever was there: every user writes a row's slot before reading it, and sizes nothing
/// by the array's length alone. The pool keeps them after the read until it trims them.
/// </summary>
internal sealed class Rented
{
    private readonly List<Action> returns = new();

    /// <summary>An array of at least <paramref name="length"/> elements, not cleared.</summary>
    public T[] Take<T>(int length)
    {
        if (length <= 0)
        {
            return Array.Empty<T>();
        }

        var array = ArrayPool<T>.Shared.Rent(length);
        lock (this.returns)
        {
            // Two decoding threads may grow their buffers at once.
            this.returns.Add(() => ArrayPool<T>.Shared.Return(array));
        }

        return array;
    }

    /// <summary>Gives every array taken back to the pool: none may be used after.</summary>
    public void ReturnAll()
    {
        foreach (var give in this.returns)
        {
            give();
        }

        this.returns.Clear();
    }
}
