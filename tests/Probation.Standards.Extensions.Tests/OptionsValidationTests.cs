using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Probation.Standards.Scoring;

namespace Probation.Standards.Extensions.Tests;

/// <summary>Invalid settings fail when the host starts (ValidateOnStart), all of them named in one failure.</summary>
public class OptionsValidationTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => this.folder = Files.NewTempFolder("ps-validation");

    [TearDown]
    public void RemoveFolder() => Directory.Delete(this.folder, recursive: true);

    [Test]
    public async Task Every_invalid_setting_in_configuration_is_named_when_the_host_starts()
    {
        var missing = Path.Combine(this.folder, "missing.json");
        var notJson = Path.Combine(this.folder, "not-json.json");
        File.WriteAllText(notJson, "{ \"id\": ");
        var gap = Files.WriteFramework(this.folder, "gap.json", "gap-2024", json => json["bands"]![1]!["fromPercent"] = 51);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProbationStandards:BandingBasis"] = "Bananas",
            ["ProbationStandards:DefaultFrameworkId"] = "probation-pdu-1999",
            ["ProbationStandards:FrameworkFiles:0"] = missing,
            ["ProbationStandards:FrameworkFiles:1"] = notJson,
            ["ProbationStandards:FrameworkFiles:2"] = gap,
            ["ProbationStandards:ResetAdjustedWithinDays"] = "-3",
            ["ProbationStandards:ResetAdjustedWithinDayz"] = "42",
        });
        builder.Services.AddProbationStandards(builder.Configuration);
        using var host = builder.Build();

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        failure.OptionsType.ShouldBe(typeof(ProbationStandardsOptions));
        failure.Failures.Count().ShouldBe(7, string.Join(Environment.NewLine, failure.Failures));
        failure.Message.ShouldContain("ProbationStandards:BandingBasis: 'Bananas' is not a banding basis (ExactRatio or RoundedPercentage)");
        failure.Message.ShouldContain("DefaultFrameworkId: unknown framework 'probation-pdu-1999' (known: probation-2018, probation-2018-nps, probation-pdu-2021, probation-pdu-2023, youth-2018, youth-2021)");
        failure.Message.ShouldContain($"FrameworkFiles[0]: framework file '{missing}' does not exist");
        failure.Message.ShouldContain($"FrameworkFiles[1]: invalid framework file: {notJson}");
        failure.Message.ShouldContain($"FrameworkFiles[2]: invalid framework file: {gap}: $.bands");
        failure.Message.ShouldContain("ResetAdjustedWithinDays: -3 is negative");
        failure.Message.ShouldContain("ProbationStandards:ResetAdjustedWithinDayz: unknown setting");
    }

    [Test]
    public async Task Every_invalid_setting_made_in_code_is_named_when_the_host_starts()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProbationStandards(o =>
        {
            o.BandingBasis = (BandingBasis)7;
            o.DefaultFrameworkId = " ";
            o.FrameworkFiles.Add(string.Empty);
            o.ResetAdjustedWithinDays = -1;
        });
        using var host = builder.Build();

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        failure.Failures.ShouldBe(new[]
        {
            "BandingBasis: 7 is not a banding basis (ExactRatio or RoundedPercentage)",
            "ResetAdjustedWithinDays: -1 is negative; give the days from start to suspension within which a case has the adjusted standards (0 or more; 56 in probation-pdu-2023)",
            "DefaultFrameworkId: is empty; give a framework id such as probation-pdu-2023",
            "FrameworkFiles[0]: the path is empty",
        });
    }

    [Test]
    public void Validation_runs_at_start_up_not_at_the_first_rating()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProbationStandards(o => o.DefaultFrameworkId = "nope");

        using var host = builder.Build();

        // Building the host resolves nothing; starting it validates.
        Should.Throw<OptionsValidationException>(() => host.Start()).Message.ShouldContain("DefaultFrameworkId: unknown framework 'nope'");
    }

    [Test]
    public void Without_a_host_the_first_resolution_validates()
    {
        using var provider = new ServiceCollection().AddProbationStandards(o => o.ResetAdjustedWithinDays = -8).BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IProbationRater>()).Message.ShouldContain("ResetAdjustedWithinDays: -8 is negative");
    }

    [Test]
    public async Task Valid_settings_start_the_host()
    {
        var custom = Files.WriteFramework(this.folder, "custom.json", "custom-2024");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProbationStandards:FrameworkFiles:0"] = custom,
            ["ProbationStandards:DefaultFrameworkId"] = "custom-2024",
            ["ProbationStandards:ResetAdjustedWithinDays"] = "56",
        });
        builder.Services.AddProbationStandards(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        host.Services.GetRequiredService<IProbationRater>().DefaultFramework.Id.ShouldBe("custom-2024");
        await host.StopAsync();
    }

    [Test]
    public void Two_framework_files_may_not_define_the_same_id()
    {
        var first = Files.WriteFramework(this.folder, "first.json", "custom-2024");
        var second = Files.WriteFramework(this.folder, "second.json", "custom-2024", json => json["versionId"] = "test.2");
        using var provider = new ServiceCollection().AddProbationStandards(o =>
        {
            o.FrameworkFiles.Add(first);
            o.FrameworkFiles.Add(second);
        }).BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IProbationRater>());

        failure.Failures.ShouldBe(new[] { $"FrameworkFiles[1]: framework file '{second}' defines 'custom-2024', which FrameworkFiles[0] already defines" });
    }

    [TestCase("eight weeks", TestName = "Days that are not a number are named")]
    [TestCase("56.5", TestName = "Days that are not whole are named")]
    public void A_configuration_value_that_does_not_parse_is_named(string days)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProbationStandards:ResetAdjustedWithinDays"] = days,
        }).Build();
        using var provider = new ServiceCollection().AddProbationStandards(configuration).BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IProbationRater>());

        failure.Failures.ShouldBe(new[] { $"ProbationStandards:ResetAdjustedWithinDays: '{days}' is not a whole number of days" });
    }
}
