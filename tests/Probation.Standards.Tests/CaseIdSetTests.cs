using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Internal;

namespace Probation.Standards.Tests;

/// <summary>The compact set behind the duplicate-case-id rule answers exactly as a set of strings does.</summary>
public class CaseIdSetTests
{
    [Test]
    public void Agrees_with_a_hash_set_over_many_ids_with_repeats()
    {
        var random = new Random(20251110);
        var compact = new CaseIdSet();
        var reference = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200_000; i++)
        {
            // Repeats are common (a small range) and ids vary in length, with non-ASCII letters.
            var n = random.Next(150_000);
            var id = (n % 7 == 0 ? "Mân-" : "C") + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            compact.Add(id).ShouldBe(reference.Add(id), id);
        }

        compact.Count.ShouldBe(reference.Count);
    }

    [Test]
    public void Ids_longer_than_a_block_and_the_ids_after_them_are_kept_exactly()
    {
        // Lengths around the 16 KiB first block, the 1 MiB largest block and past it, each followed by short ids.
        var set = new CaseIdSet();
        var reference = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(14);
        foreach (var length in new[] { 100, 16_380, 16_400, 70_000, 1_048_570, 1_048_600, 3_000_000, 5 })
        {
            var longId = new string((char)('a' + random.Next(26)), length) + length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            set.Add(longId).ShouldBe(reference.Add(longId));
            for (var k = 0; k < 300; k++)
            {
                var id = "S" + random.Next(400).ToString(System.Globalization.CultureInfo.InvariantCulture);
                set.Add(id).ShouldBe(reference.Add(id), id);
            }

            set.Add(longId).ShouldBeFalse();
        }

        set.Count.ShouldBe(reference.Count);
    }

    [Test]
    public void Ids_given_as_utf8_bytes_are_the_same_ids_as_strings()
    {
        var set = new CaseIdSet();
        set.Add(System.Text.Encoding.UTF8.GetBytes("Mân-1")).ShouldBeTrue();
        set.Add("Mân-1").ShouldBeFalse();
        set.Add("C7").ShouldBeTrue();
        set.Add("C7"u8).ShouldBeFalse();
        set.Count.ShouldBe(2);
    }

    [Test]
    public void Ids_that_differ_only_in_case_or_length_are_different()
    {
        var set = new CaseIdSet();
        set.Add("c1").ShouldBeTrue();
        set.Add("C1").ShouldBeTrue();
        set.Add("C10").ShouldBeTrue();
        set.Add("C1").ShouldBeFalse();
        set.Add(string.Empty).ShouldBeTrue();
        set.Add(string.Empty).ShouldBeFalse();
    }

    [Test]
    public void Ids_held_in_their_entries_agree_with_a_hash_set_at_every_boundary_of_their_forms()
    {
        // Short ids (up to 7 bytes), prefixes of 0 to 4 bytes before digits, 15 to 18 digits, leading zeros,
        // values either side of what an entry holds for each prefix length, and ids with digits inside.
        var ids = new List<string>();
        foreach (var prefix in new[] { string.Empty, "C", "é", "AB", "A-", "CRN", "CRN-", "X9Y" })
        {
            foreach (var digits in new[] { "0", "00", "7", "07", "007", "1234567", "12345678", "99999999", "000000000", "4294967295", "4294967296",
                "1099511627775", "1099511627776", "281474976710655", "281474976710656", "9999999999999999", "72057594037927935", "123456789012345678" })
            {
                ids.Add(prefix + digits);
                ids.Add(prefix + digits + "x");
                ids.Add(digits + prefix);
            }
        }

        var set = new CaseIdSet();
        var reference = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 2; round++)
        {
            foreach (var id in ids)
            {
                set.Add(id).ShouldBe(reference.Add(id), id);
                set.Add(System.Text.Encoding.UTF8.GetBytes(id)).ShouldBeFalse(id);
            }
        }

        set.Count.ShouldBe(reference.Count);
    }

    [Test]
    public void A_reserved_table_keeps_the_ids_already_added_and_finds_repeats_after_growing_past_the_estimate()
    {
        var set = new CaseIdSet();
        var reference = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 300; i++)
        {
            var id = i % 3 == 0 ? "long-form-id-" + i : "C" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            set.Add(id).ShouldBe(reference.Add(id), id);
        }

        set.Reserve(1_000);
        set.Reserve(10); // smaller than the table: nothing changes
        for (var i = 0; i < 5_000; i++)
        {
            var n = i % 2_000;
            var id = n % 3 == 0 ? "long-form-id-" + n : "C" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            set.Add(id).ShouldBe(reference.Add(id), id);
        }

        set.Count.ShouldBe(reference.Count);
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public bool Agrees_with_a_hash_set_for_any_strings(string[] ids)
    {
        var compact = new CaseIdSet();
        var reference = new HashSet<string>(StringComparer.Ordinal);
        return ids.Where(id => id is not null).All(id => compact.Add(id) == reference.Add(id));
    }
}
