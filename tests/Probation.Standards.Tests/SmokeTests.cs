using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests;

public class SmokeTests
{
    [Test]
    public void Default_framework_loads_with_seven_standards()
    {
        FrameworkCatalog.DefaultFramework.Standards.Count.ShouldBe(7);
    }

    [Test]
    public void Published_nottinghamshire_rates_three_of_twenty_one_inadequate()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds", "nottinghamshire-pdu-2025.json");
        using var stream = File.OpenRead(path);
        var result = Rater.Rate(FindingsReader.Read(stream, "nottinghamshire-pdu-2025.json").Input);
        result.Score.ShouldBe(3);
        result.MaxScore.ShouldBe(21);
        result.Overall.ShouldBe(Rating.Inadequate);
    }
}
