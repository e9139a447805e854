using FsCheck;
using FsCheck.Fluent;

namespace Probation.Standards.Data.Tests.Support;

/// <summary>A generated case table: its rows, with unique ids.</summary>
public sealed class CaseTableSample
{
    public CaseTableSample(IReadOnlyList<CaseRow> rows) => this.Rows = rows;

    public IReadOnlyList<CaseRow> Rows { get; }

    public override string ToString() => $"{this.Rows.Count} rows:\n" + string.Join("\n", this.Rows);
}

/// <summary>
/// Random case tables: answers in varied spellings and NULLs, sentences and exemptions in varied spellings,
/// dates around the Reset edges (suspension 0, 55, 56, 57 and 58 days after the start, leap days, NULL dates),
/// exempt cases with and without suspensions, and random tags, some NULL.
/// </summary>
public static class Generators
{
    private static readonly DateOnly[] Starts =
    {
        new(2024, 1, 1), new(2024, 1, 4), new(2024, 2, 29), new(2023, 12, 31), new(2024, 6, 7), new(2024, 12, 31), new(2025, 1, 3),
    };

    private static readonly int[] EdgeDays = { 0, 1, 29, 30, 31, 55, 56, 57, 58, 365 };

    public static Gen<string?> Spelling(Answer answer) => answer switch
    {
        Answer.Yes => Gen.Elements<string?>("Yes", "yes", "YES", " Yes ", "Y es"),
        Answer.No => Gen.Elements<string?>("No", "no", "NO", "no  ", " N o"),
        _ => Gen.Elements<string?>(null, null, "", "N/A", "n/a", "NotApplicable", "not applicable", "Not Applicable", " N/A "),
    };

    /// <summary>An enum name as a person might type it: as written, lower, upper, or words spaced.</summary>
    public static Gen<string> Spelling(string name) =>
        Gen.Elements(
            name,
            name.ToLowerInvariant(),
            name.ToUpperInvariant(),
            string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString())));

    public static Gen<CaseRow> Row(Framework framework, Gen<Answer> answer) =>
        from answers in Gen.ArrayOf(answer, framework.KeyQuestions.Count)
        from texts in Gen.CollectToArray(answers.Select(Spelling))
        from sentence in Gen.Elements<SentenceType?>(null, SentenceType.CommunityOrder, SentenceType.SuspendedSentenceOrder, SentenceType.Licence, SentenceType.PostSentenceSupervision)
        from sentenceText in sentence is null ? Gen.Elements<string?>(null, "", "  ") : Spelling(sentence.Value.ToString()).Select(s => (string?)s)
        from exemption in Gen.Frequency((3, Gen.Constant<Exemption?>(null)), (1, Gen.Elements(Enum.GetValues<Exemption>()).Select(e => (Exemption?)e)))
        from exemptionText in exemption is null ? Gen.Elements<string?>(null, "") : Spelling(exemption.Value.ToString()).Select(s => (string?)s)
        from hasStart in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from start in Gen.Elements(Starts)
        from startShift in Gen.Choose(0, 3)
        from suspendedKind in Gen.Choose(0, 3)
        from edge in Gen.Elements(EdgeDays)
        from anyDays in Gen.Choose(0, 120)
        from team in Gen.Elements<string?>(null, "A", "B", "C")
        from office in Gen.Elements<string?>(null, "North", "South")
        let begin = hasStart ? start.AddDays(startShift) : (DateOnly?)null
        let suspended = begin is null || suspendedKind == 0 ? null : (DateOnly?)begin.Value.AddDays(suspendedKind == 3 ? anyDays : edge)
        select new CaseRow(null, answers, texts)
        {
            Sentence = sentence,
            SentenceText = sentenceText,
            Exemption = exemption,
            ExemptionText = exemptionText,
            Start = begin,
            Suspended = suspended,
            Team = team,
            Office = office,
        };

    public static Gen<CaseTableSample> Table(Framework framework) =>
        from n in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 8)), (4, Gen.Choose(0, 80)))
        from yes in Gen.Choose(1, 9)
        from notApplicable in Gen.Choose(0, 4)
        let answer = Gen.Frequency((yes, Gen.Constant(Answer.Yes)), (10 - yes, Gen.Constant(Answer.No)), (notApplicable, Gen.Constant(Answer.NotApplicable)))
        from rows in Gen.ArrayOf(Row(framework, answer), n)
        select new CaseTableSample(rows.Select((r, i) => { r.Id = $"C{i:D3}"; return r; }).ToArray());
}
