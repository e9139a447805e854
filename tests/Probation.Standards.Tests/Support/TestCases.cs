using Probation.Standards.Frameworks;

namespace Probation.Standards.Tests.Support;

/// <summary>Inspected cases for tests, made through the one public factory, <see cref="InspectedCase.Create(Framework, string, IEnumerable{KeyValuePair{string, Answer}}, SentenceType?, DateTime?, DateTime?, Exemption?)"/>.</summary>
internal static class TestCases
{
    /// <summary>A case answering every key question of <paramref name="framework"/> (the default one if null), in framework order.</summary>
    public static InspectedCase Make(
        string id,
        IReadOnlyList<Answer> answers,
        SentenceType? sentence = null,
        DateTime? start = null,
        DateTime? suspended = null,
        Exemption? exemption = null,
        Framework? framework = null)
    {
        framework ??= FrameworkCatalog.DefaultFramework;
        var keyed = framework.KeyQuestions.Select((q, i) => new KeyValuePair<string, Answer>(q.Id, answers[i]));
        return InspectedCase.Create(framework, id, keyed, sentence, start, suspended, exemption);
    }

    /// <summary>A case from one letter per key question in framework order: Y, N, or - for NotApplicable.</summary>
    public static InspectedCase Letters(string id, string answers, DateTime? start = null, DateTime? suspended = null, Exemption? exemption = null, SentenceType? sentence = null)
    {
        if (answers.Length != 12)
        {
            throw new ArgumentException("one letter per key question", nameof(answers));
        }

        return Make(id, answers.Select(c => c switch { 'Y' => Answer.Yes, 'N' => Answer.No, _ => Answer.NotApplicable }).ToArray(), sentence, start, suspended, exemption);
    }

    /// <summary>The same case with one answer changed (and, if given, another id).</summary>
    public static InspectedCase WithAnswer(this InspectedCase c, int keyQuestion, Answer answer, string? id = null)
    {
        var answers = c.Answers.ToArray();
        answers[keyQuestion] = answer;
        return Make(id ?? c.Id, answers, c.Sentence, c.Start, c.Suspended, c.Exemption, c.Framework);
    }

    /// <summary>The same case under another id.</summary>
    public static InspectedCase WithId(this InspectedCase c, string id) =>
        Make(id, c.Answers.ToArray(), c.Sentence, c.Start, c.Suspended, c.Exemption, c.Framework);

    /// <summary>The same case for another framework with the same key questions.</summary>
    public static InspectedCase For(this InspectedCase c, Framework framework) =>
        Make(c.Id, c.Answers.ToArray(), c.Sentence, c.Start, c.Suspended, c.Exemption, framework);

    /// <summary>Short text of a case: id:answers (Y, N, -).</summary>
    public static string Describe(InspectedCase c) =>
        c.Id + ":" + string.Concat(c.Answers.Select(a => a switch { Answer.Yes => 'Y', Answer.No => 'N', _ => '-' }));
}
