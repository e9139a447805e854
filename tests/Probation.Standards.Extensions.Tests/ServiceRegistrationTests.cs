using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Extensions.Tests;

/// <summary>AddProbationStandards: what it registers, and that the registered rater applies the options.</summary>
public class ServiceRegistrationTests
{
    [Test]
    public void Defaults_rate_the_Nottinghamshire_seed_3_of_21_Inadequate()
    {
        using var provider = new ServiceCollection().AddProbationStandards().BuildServiceProvider();
        var rater = provider.GetRequiredService<IProbationRater>();

        var result = Rate(rater, "nottinghamshire-pdu-2025.json");

        result.Score.ShouldBe(3);
        result.MaxScore.ShouldBe(21);
        result.Overall.ShouldBe(Rating.Inadequate);
        result.Basis.ShouldBe(BandingBasis.ExactRatio);
        result.FrameworkVersionId.ShouldBe(FrameworkCatalog.DefaultFramework.VersionId, "no option changes the framework by default");
        rater.DefaultFramework.ShouldBeSameAs(FrameworkCatalog.DefaultFramework);
    }

    [Test]
    public void Defaults_rate_exactly_as_the_plain_API_does()
    {
        using var provider = new ServiceCollection().AddProbationStandards().BuildServiceProvider();
        var rater = provider.GetRequiredService<IProbationRater>();
        using var stream = File.OpenRead(Files.Seed("nottinghamshire-pdu-2025-cases.json"));
        var document = FindingsReader.Read(stream, "cases.json");

        rater.Rate(document).ShouldBe(Rater.Rate(document.Input));
    }

    [Test]
    public void Services_are_singletons_and_registered_once_however_often_added()
    {
        var services = new ServiceCollection().AddProbationStandards().AddProbationStandards(o => o.BandingBasis = BandingBasis.RoundedPercentage);
        services.Count(d => d.ServiceType == typeof(IProbationRater)).ShouldBe(1);
        services.Count(d => d.ServiceType == typeof(FrameworkCatalog)).ShouldBe(1);
        services.Single(d => d.ServiceType == typeof(IProbationRater)).Lifetime.ShouldBe(ServiceLifetime.Singleton);
        services.Single(d => d.ServiceType == typeof(FrameworkCatalog)).Lifetime.ShouldBe(ServiceLifetime.Singleton);

        using var provider = services.BuildServiceProvider();
        var rater = provider.GetRequiredService<IProbationRater>();
        provider.GetRequiredService<IProbationRater>().ShouldBeSameAs(rater);
        provider.GetRequiredService<FrameworkCatalog>().ShouldBeSameAs(rater.Catalog);
    }

    [TestCase(BandingBasis.ExactRatio, Rating.RequiresImprovement, TestName = "Exact ratio: 31/48 = 64.58% is Requires improvement")]
    [TestCase(BandingBasis.RoundedPercentage, Rating.Good, TestName = "Rounded percentage: 31/48 prints 65%, Good")]
    public void The_banding_basis_set_in_code_is_applied(BandingBasis basis, Rating assessment)
    {
        using var provider = new ServiceCollection().AddProbationStandards(o => o.BandingBasis = basis).BuildServiceProvider();
        var rater = provider.GetRequiredService<IProbationRater>();

        var result = Rate(rater, Path.Combine("vectors", "band-edge-rounding-trap.json"));

        rater.RatingOptions.ShouldBe(new RatingOptions(basis));
        result.Basis.ShouldBe(basis);
        result.GetStandard("P2.1").Rating.ShouldBe(assessment);
    }

    [Test]
    public void Settings_are_bound_from_the_ProbationStandards_configuration_section()
    {
        var folder = Files.NewTempFolder("ps-config");
        try
        {
            var custom = Files.WriteFramework(folder, "custom.json", "custom-2024");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ProbationStandards:BandingBasis"] = "RoundedPercentage",
                ["ProbationStandards:DefaultFrameworkId"] = "custom-2024",
                ["ProbationStandards:FrameworkFiles:0"] = custom,
                ["ProbationStandards:ResetAdjustedWithinDays"] = "0",
                ["Unrelated:Setting"] = "ignored: outside the section",
            }).Build();
            using var provider = new ServiceCollection().AddProbationStandards(configuration).BuildServiceProvider();
            var rater = provider.GetRequiredService<IProbationRater>();

            rater.RatingOptions.Basis.ShouldBe(BandingBasis.RoundedPercentage);
            rater.DefaultFramework.Id.ShouldBe("custom-2024");
            rater.Catalog.Frameworks.Select(f => f.Id).ShouldBe(new[] { "probation-2018", "probation-2018-nps", "probation-pdu-2021", "probation-pdu-2023", "youth-2018", "youth-2021", "custom-2024" });
            rater.Catalog.Frameworks.ShouldAllBe(f => f.Reset.AdjustedWithinDays == 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_section_named_ProbationStandards_may_be_passed_itself()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProbationStandards:BandingBasis"] = "roundedpercentage",
        }).Build();
        using var provider = new ServiceCollection().AddProbationStandards(configuration.GetSection("ProbationStandards")).BuildServiceProvider();

        provider.GetRequiredService<IProbationRater>().RatingOptions.Basis.ShouldBe(BandingBasis.RoundedPercentage);
    }

    [Test]
    public void The_Reset_threshold_changes_which_cases_have_the_adjusted_set_and_is_marked_in_the_version_id()
    {
        // Nottinghamshire case-level seed: 60 inspected, 12 subject to Reset, 7 adjusted at 56 days (R9).
        using var defaults = new ServiceCollection().AddProbationStandards().BuildServiceProvider();
        using var zero = new ServiceCollection().AddProbationStandards(o => o.ResetAdjustedWithinDays = 0).BuildServiceProvider();

        var at56 = Rate(defaults.GetRequiredService<IProbationRater>(), "nottinghamshire-pdu-2025-cases.json");
        var at0 = Rate(zero.GetRequiredService<IProbationRater>(), "nottinghamshire-pdu-2025-cases.json");

        at56.Cases!.Value.Adjusted.ShouldBe(7);
        at56.Cases!.Value.Reset.ShouldBe(12);
        at0.Cases!.Value.Adjusted.ShouldBe(0, "no case is suspended on its start date");
        at0.Cases!.Value.Reset.ShouldBe(12, "the threshold moves cases between the two Reset classes, never out of Reset");
        at0.FrameworkVersionId.ShouldBe("2023.2+reset-0d");
        at0.Score.ShouldBe(3, "every case still counts in the key-question results (R9)");
    }

    [Test]
    public void A_document_read_elsewhere_keeps_the_tallies_of_the_catalog_it_was_read_against()
    {
        using var provider = new ServiceCollection().AddProbationStandards(o => o.ResetAdjustedWithinDays = 0).BuildServiceProvider();
        using var stream = File.OpenRead(Files.Seed("nottinghamshire-pdu-2025-cases.json"));
        var document = FindingsReader.Read(stream, "cases.json");

        var result = provider.GetRequiredService<IProbationRater>().Rate(document);

        // The reader classifies and tallies the cases; the rater reads only tallies, so it cannot reclassify them.
        result.Cases!.Value.Adjusted.ShouldBe(7);
        result.FrameworkVersionId.ShouldBe("2023.2");
    }

    [Test]
    public void A_framework_file_replaces_the_embedded_framework_of_the_same_id()
    {
        var folder = Files.NewTempFolder("ps-replace");
        try
        {
            var corrected = Files.WriteFramework(folder, "corrected.json", FrameworkCatalog.DefaultFrameworkId);
            using var provider = new ServiceCollection().AddProbationStandards(o => o.FrameworkFiles.Add(corrected)).BuildServiceProvider();
            var rater = provider.GetRequiredService<IProbationRater>();

            rater.DefaultFramework.VersionId.ShouldBe("test.1");
            Rate(rater, "nottinghamshire-pdu-2025.json").FrameworkVersionId.ShouldBe("test.1");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static RatingResult Rate(IProbationRater rater, string seed)
    {
        using var stream = File.OpenRead(Files.Seed(seed));
        return rater.Rate(stream, seed);
    }
}
