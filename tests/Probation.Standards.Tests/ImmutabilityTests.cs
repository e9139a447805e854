using System.Reflection;
using System.Runtime.CompilerServices;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// Results and rule data are values: checked by reflection over every public type of the library, each public
/// class is sealed (or static), no public type is a record (positional or not), and a type either has no way to
/// change after construction (get-only properties, read-only fields) or is on the short list of deliberately
/// mutable builders below.
/// </summary>
public class ImmutabilityTests
{
    private static readonly HashSet<Type> MutableByDesign = new()
    {
        // Accumulators: they exist to be filled, then turned into immutable values.
        typeof(TallyBuilder),
        typeof(Probation.Standards.Bulk.CaseBatch),
        typeof(Probation.Standards.Groups.GroupedTallyBuilder),
    };

    /// <summary>Options objects: set once in an object initializer (init-only), never after.</summary>
    private static readonly HashSet<Type> InitOnlyByDesign = new()
    {
        typeof(FindingsReaderOptions),
        typeof(Probation.Standards.Reporting.HtmlReportOptions),
    };

    private static Type[] ExportedTypes() => typeof(Rating).Assembly.GetExportedTypes();

    private static IEnumerable<TestCaseData> Data(Func<Type, bool> which) =>
        ExportedTypes().Where(which).OrderBy(t => t.FullName, StringComparer.Ordinal).Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    public static IEnumerable<TestCaseData> Classes() => Data(t => t.IsClass && !typeof(Delegate).IsAssignableFrom(t));

    public static IEnumerable<TestCaseData> ValueCarriers() => Data(t => !t.IsEnum && !t.IsInterface && !IsStatic(t));

    public static IEnumerable<TestCaseData> Structs() => Data(t => t.IsValueType && !t.IsEnum);

    [Test]
    public void The_library_exports_the_types_the_tests_expect()
    {
        var names = ExportedTypes().Select(t => t.FullName).ToHashSet();
        names.ShouldContain("Probation.Standards.Scoring.TallySet");
        names.ShouldContain("Probation.Standards.Scoring.RatingInput");
        names.ShouldContain("Probation.Standards.Cases.InspectedCase");
        names.ShouldContain("Probation.Standards.Bulk.CaseBatch");
        Classes().Count().ShouldBeGreaterThan(40);
    }

    [TestCaseSource(nameof(Classes))]
    public void Public_class_is_sealed_or_static(Type type) =>
        (type.IsSealed).ShouldBeTrue($"{type.FullName} can be derived from");

    [TestCaseSource(nameof(ValueCarriers))]
    public void Public_type_is_not_a_record(Type type)
    {
        // The compiler gives every record a <Clone>$ method and an EqualityContract property, and a positional
        // record a Deconstruct method as well.
        var all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        type.GetMethod("<Clone>$", all).ShouldBeNull($"{type.FullName} is a record");
        type.GetProperty("EqualityContract", all).ShouldBeNull($"{type.FullName} is a record");
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "Deconstruct").ShouldBeEmpty($"{type.FullName} deconstructs like a positional record");
    }

    [TestCaseSource(nameof(ValueCarriers))]
    public void Public_type_is_immutable_or_a_declared_builder(Type type)
    {
        if (MutableByDesign.Contains(type))
        {
            Assert.Pass($"{type.Name} is a builder by design");
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
        var setters = properties.Where(p => p.SetMethod is { IsPublic: true } setter && !(IsInitOnly(setter) && InitOnlyByDesign.Contains(type))).Select(p => p.Name).ToList();
        setters.ShouldBeEmpty($"{type.Name} has public setters");

        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Where(f => !f.IsInitOnly && !f.IsLiteral).Select(f => f.Name).ToList();
        fields.ShouldBeEmpty($"{type.Name} has public fields that can be assigned");

        // Fields the library declares (an exception's base class, System.Exception, is not the library's).
        var state = type.GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(f => f.DeclaringType!.Assembly == typeof(Rating).Assembly && !f.IsInitOnly)
            .Select(f => f.Name)
            .ToList();
        state.ShouldBeEmpty($"{type.Name} has instance fields that can be reassigned after construction");

        var mutableCollections = properties.Where(p => IsMutableCollection(p.PropertyType)).Select(p => $"{p.Name}: {p.PropertyType.Name}").ToList();
        mutableCollections.ShouldBeEmpty($"{type.Name} exposes collections that can be changed");
    }

    [TestCaseSource(nameof(Structs))]
    public void Public_struct_is_readonly(Type type) =>
        type.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == typeof(IsReadOnlyAttribute).FullName).ShouldBeTrue($"{type.FullName} is not a readonly struct");

    [Test]
    public void Collections_handed_out_cannot_be_changed_through_a_cast()
    {
        var frameworks = Frameworks.FrameworkCatalog.Default.Frameworks;
        if (frameworks is ICollection<Frameworks.Framework> collection)
        {
            collection.IsReadOnly.ShouldBeTrue("FrameworkCatalog.Frameworks can be cast to a mutable collection");
        }

        frameworks.ShouldNotBeAssignableTo<Frameworks.Framework[]>();
    }

    [Test]
    public void Results_compare_as_values()
    {
        var bytes = Seeds.Bytes("nottinghamshire-pdu-2025-cases.json");
        var first = Rater.Rate(FindingsReader.Read(bytes, "a.json").Input);
        var second = Rater.Rate(FindingsReader.Read(bytes, "b.json").Input);
        second.ShouldNotBeSameAs(first);
        second.ShouldBe(first);
        second.GetHashCode().ShouldBe(first.GetHashCode());

        var other = Rater.Rate(FindingsReader.Read(Seeds.Bytes("nottinghamshire-pdu-2025.json"), "c.json").Input);
        other.Score.ShouldBe(first.Score);
        other.ShouldNotBe(first, "the aggregate seed has no case counts");
        Rater.Rate(FindingsReader.Read(bytes, "a.json").Input, new RatingOptions(BandingBasis.RoundedPercentage)).ShouldNotBe(first);
    }

    private static bool IsStatic(Type type) => type.IsAbstract && type.IsSealed;

    // By name: the netstandard2.0 build marks init setters with PolySharp's own IsExternalInit, not the runtime's type.
    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == typeof(IsExternalInit).FullName);

    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>)
            || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IDictionary<,>) || definition == typeof(ISet<>);
    }
}
