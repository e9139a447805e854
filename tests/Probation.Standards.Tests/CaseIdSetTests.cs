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

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public bool Agrees_with_a_hash_set_for_any_strings(string[] ids)
    {
        var compact = new CaseIdSet();
        var reference = new HashSet<string>(StringComparer.Ordinal);
        return ids.Where(id => id is not null).All(id => compact.Add(id) == reference.Add(id));
    }
}
