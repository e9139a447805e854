using Probation.Standards.Parquet.Reading;

namespace Probation.Standards.Parquet.Tests;

/// <summary>The table's duplicate-id set agrees with a hash set of strings, whatever it was sized for.</summary>
public class IdSetTests
{
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public bool Agrees_with_a_hash_set_for_any_strings(string[] ids, byte expected)
    {
        var set = new IdSet<char>(expected);
        var reference = new HashSet<string>(StringComparer.Ordinal);
        return ids.Where(id => id is not null).All(id => set.Add(id) == reference.Add(id)) && set.Count == reference.Count;
    }

    [Test]
    public void Grows_past_its_expected_size_and_keeps_every_id()
    {
        var set = new IdSet<char>(10);
        for (var i = 0; i < 50_000; i++)
        {
            set.Add("C" + i).ShouldBeTrue();
        }

        Enumerable.Range(0, 50_000).ShouldAllBe(i => !set.Add("C" + i));
        set.Add("c1").ShouldBeTrue(); // ordinal: case matters
        set.Count.ShouldBe(50_001);
    }
}
