using System.Reflection;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests;

/// <summary>
/// Results and rule data are values (conventions.md #5): a public type either has no way to change
/// after construction, or is on the short list of deliberately mutable builders below.
/// </summary>
public class ImmutabilityTests
{
    private static readonly HashSet<string> MutableByDesign = new(StringComparer.Ordinal)
    {
        // Accumulators: they exist to be filled, then turned into immutable values.
        "Probation.Standards.Scoring.TallyBuilder",
        "Probation.Standards.Bulk.CaseBatch",
    };

    private static IEnumerable<Type> PublicTypes() =>
        typeof(Rating).Assembly.GetExportedTypes()
            .Where(t => !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed) && !typeof(Exception).IsAssignableFrom(t));

    [TestCaseSource(nameof(PublicTypes))]
    public void Public_type_is_immutable_or_a_declared_builder(Type type)
    {
        if (MutableByDesign.Contains(type.FullName!))
        {
            Assert.Pass($"{type.Name} is a builder by design");
        }

        var setters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => p.Name)
            .ToList();
        setters.ShouldBeEmpty($"{type.Name} has public setters");

        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly).Select(f => f.Name).ToList();
        fields.ShouldBeEmpty($"{type.Name} has public mutable fields");
    }

    [Test]
    public void Results_compare_as_values()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds", "nottinghamshire-pdu-2025-cases.json");
        var first = Rater.Rate(Findings.FindingsReader.Read(File.ReadAllBytes(path), "a.json"));
        var second = Rater.Rate(Findings.FindingsReader.Read(File.ReadAllBytes(path), "b.json"));
        second.ShouldBe(first);
        (first with { Score = first.Score + 1 }).ShouldNotBe(first);
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}
