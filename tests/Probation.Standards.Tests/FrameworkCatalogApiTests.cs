using Probation.Standards.Frameworks;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// The catalog's smaller promises (R1): arguments it refuses by name, the unknown id named with the known ones, a
/// Reset threshold changed in every framework at once, the source JSON exported only while a framework is as read,
/// and the date overloads agreeing.
/// </summary>
public class FrameworkCatalogApiTests
{
    private static readonly FrameworkCatalog Catalog = FrameworkCatalog.Default;

    [Test]
    public void Arguments_it_cannot_use_are_refused_by_name()
    {
        Should.Throw<ArgumentNullException>(() => FrameworkCatalog.ReadFramework(null!, "f.json")).ParamName.ShouldBe("json");
        using var stream = new MemoryStream();
        Should.Throw<ArgumentNullException>(() => FrameworkCatalog.ReadFramework(stream, null!)).ParamName.ShouldBe("name");
        Should.Throw<ArgumentNullException>(() => Catalog.With(null!)).ParamName.ShouldBe("framework");
        Should.Throw<ArgumentNullException>(() => Catalog.TryGetFrameworkInForce(new DateTime(2024, 1, 1), null!, out _)).ParamName.ShouldBe("family");
    }

    [Test]
    public void An_unknown_id_is_named_with_every_known_one()
    {
        Catalog.TryGetFramework("probation-pdu-2024", out var framework).ShouldBeFalse();
        framework.ShouldBeNull();
        Should.Throw<KeyNotFoundException>(() => Catalog.GetFramework("probation-pdu-2024")).Message.ShouldBe(
            "no framework 'probation-pdu-2024' (known: probation-2018, probation-2018-nps, probation-pdu-2021, probation-pdu-2023, youth-2018, youth-2021)");
        Catalog.TryGetFramework("PROBATION-PDU-2023", out _).ShouldBeFalse("ids are matched exactly");
    }

    [Test]
    public void A_catalog_wide_threshold_changes_every_framework_and_only_the_as_read_ones_export()
    {
        var changed = Catalog.WithResetThreshold(30);
        changed.Frameworks.Select(f => f.Id).ShouldBe(Catalog.Frameworks.Select(f => f.Id));
        changed.Frameworks.ShouldAllBe(f => f.Reset.AdjustedWithinDays == 30);
        Catalog.Frameworks.ShouldAllBe(f => f.Reset.AdjustedWithinDays != 30, "the catalog itself is unchanged");

        var e = Should.Throw<InvalidOperationException>(() => changed.GetJson("probation-pdu-2023"));
        e.Message.ShouldBe("probation-pdu-2023 (2023.2+reset-30d) was changed in memory and has no source JSON to export");

        var json = Catalog.GetJson("probation-pdu-2023");
        using var exported = new MemoryStream(json.ToArray());
        FrameworkCatalog.ReadFramework(exported, "exported.json").ShouldBe(Catalog.GetFramework("probation-pdu-2023"));
        Should.Throw<KeyNotFoundException>(() => Catalog.GetJson("nope"));
    }

    [Test]
    public void Other_families_in_force_are_named_for_the_message_when_none_of_the_default_family_is()
    {
        Catalog.InForceElsewhere(new DateTime(2019, 1, 1)).ShouldBe("probation-2018, probation-2018-nps, youth-2018");
        Catalog.InForceElsewhere(new DateTime(2024, 1, 1)).ShouldBe("youth-2021");
        Catalog.InForceElsewhere(new DateTime(2026, 1, 1)).ShouldBe(string.Empty);
        Catalog.KnownIds.ShouldStartWith("probation-2018, ");
    }

#if !LIBRARY_NETSTANDARD
    [Test]
    public void The_date_overloads_pick_as_the_DateTime_ones_do()
    {
        Catalog.TryGetFrameworkInForce(new DateOnly(2023, 9, 30), out var framework).ShouldBeTrue();
        framework!.Id.ShouldBe("probation-pdu-2021");
        Catalog.TryGetFrameworkInForce(new DateOnly(2023, 10, 1), out framework).ShouldBeTrue();
        framework!.Id.ShouldBe("probation-pdu-2023");
        Catalog.TryGetFrameworkInForce(new DateOnly(2020, 1, 1), "youth", out framework).ShouldBeTrue();
        framework!.Id.ShouldBe("youth-2018");
        Catalog.TryGetFrameworkInForce(new DateOnly(2020, 1, 1), out framework).ShouldBeFalse();
        framework.ShouldBeNull();
    }
#endif
}
