using Probation.Standards.Parquet.Reading.Pages;

namespace Probation.Standards.Parquet.Tests;

/// <summary>
/// The RLE / bit-packed hybrid decoder holds a page to exactly the values it says it has: a run past them (a damaged
/// page: one flipped bit in a run's header makes a run of 8 a run of 24) is refused, so the table goes the fallback's
/// way; only a last bit-packed group may run past, by its padding. Runs worked out by hand from the format.
/// </summary>
public class HybridTests
{
    // Bit width 1: RLE header (run << 1), then one byte of value; bit-packed header ((groups << 1) | 1), then a byte a group.
    [TestCase(new byte[] { 0x10, 0x01 }, 8, true)]                 // a run of 8 ones, 8 values
    [TestCase(new byte[] { 0x30, 0x01 }, 8, false)]                // a run of 24 where 8 are wanted
    [TestCase(new byte[] { 0x10, 0x01, 0x04, 0x00 }, 10, true)]    // 8 ones, 2 zeros
    [TestCase(new byte[] { 0x10, 0x01, 0x06, 0x00 }, 10, false)]   // 8 ones, then 3 zeros where 2 are left
    [TestCase(new byte[] { 0x03, 0xFF }, 5, true)]                 // one bit-packed group, 3 of its 8 as padding
    [TestCase(new byte[] { 0x05, 0xFF, 0xFF }, 5, false)]          // two groups where one holds the 5
    [TestCase(new byte[] { 0x05, 0xFF, 0x01 }, 9, true)]           // two groups, the second's 7 padding
    [TestCase(new byte[] { 0x10 }, 8, false)]                      // a run's value cut off
    public void A_page_decodes_to_exactly_its_values(byte[] data, int count, bool decodes)
    {
        var into = new int[count + 8];
        Hybrid.TryDecode(data, 1, into.AsSpan(0, count), 2).ShouldBe(decodes);
    }

    [Test]
    public void The_values_decoded_are_those_written()
    {
        var into = new int[10];
        Hybrid.TryDecode(new byte[] { 0x10, 0x01, 0x04, 0x00 }, 1, into, 2).ShouldBeTrue();
        into.ShouldBe(new[] { 1, 1, 1, 1, 1, 1, 1, 1, 0, 0 });
        Hybrid.TryDecode(new byte[] { 0x03, 0b1010_0101 }, 1, into.AsSpan(0, 5), 2).ShouldBeTrue();
        into.Take(5).ShouldBe(new[] { 1, 0, 1, 0, 0 });
    }
}
