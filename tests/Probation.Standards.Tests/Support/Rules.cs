using Probation.Standards.Frameworks;

namespace Probation.Standards.Tests.Support;

/// <summary>
/// docs/rules.md written out a second time, naively, as the oracle of the property tests: nothing here calls
/// the library's scoring, banding, classifying or tallying code. Values are the defaults of probation-pdu-2023.
/// </summary>
internal static class Rules
{
    /// <summary>R2: the case standards and their key questions, in framework order.</summary>
    public static readonly (string Standard, string[] KeyQuestions)[] CaseStandards =
    {
        ("P2.1", new[] { "P2.1.1", "P2.1.2", "P2.1.3" }),
        ("P2.2", new[] { "P2.2.1", "P2.2.2", "P2.2.3" }),
        ("P2.3", new[] { "P2.3.1", "P2.3.2", "P2.3.3" }),
        ("P2.4", new[] { "P2.4.1", "P2.4.2", "P2.4.3" }),
    };

    /// <summary>R9: Probation Reset took effect on 2024-06-07.</summary>
    public static readonly DateTime ResetStarted = new(2024, 6, 7);

    /// <summary>R4 on the exact ratio: integer comparisons at the 50, 65 and 80 edges.</summary>
    public static Rating Band(long yes, long relevant)
    {
        if (relevant <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(relevant), "no result, no band");
        }

        if (yes * 100 < 50 * relevant)
        {
            return Rating.Inadequate;
        }

        if (yes * 100 < 65 * relevant)
        {
            return Rating.RequiresImprovement;
        }

        return yes * 100 < 80 * relevant ? Rating.Good : Rating.Outstanding;
    }

    /// <summary>R4 with the rounded option: the whole percentage, rounded half up, against the same edges.</summary>
    public static Rating RoundedBand(long yes, long relevant)
    {
        var percent = RoundedPercent(yes, relevant);
        return percent < 50 ? Rating.Inadequate : percent < 65 ? Rating.RequiresImprovement : percent < 80 ? Rating.Good : Rating.Outstanding;
    }

    /// <summary>yes/relevant as a whole percentage rounded half up, in integers: floor((200 yes + relevant) / (2 relevant)).</summary>
    public static long RoundedPercent(long yes, long relevant) => ((200 * yes) + relevant) / (2 * relevant);

    /// <summary>R8: points of a rating.</summary>
    public static int Points(Rating rating) => rating switch
    {
        Rating.Inadequate => 0,
        Rating.RequiresImprovement => 1,
        Rating.Good => 2,
        Rating.Outstanding => 3,
        _ => 0,
    };

    /// <summary>R8: the overall rating of a score out of 21.</summary>
    public static Rating Overall21(int score) =>
        score <= 5 ? Rating.Inadequate : score <= 10 ? Rating.RequiresImprovement : score <= 15 ? Rating.Good : Rating.Outstanding;

    /// <summary>R9: the class of a case from its dates and exemption (56 days by default).</summary>
    public static CaseClass ClassOf(DateTime? start, DateTime? suspended, Exemption? exemption, int adjustedWithinDays = 56)
    {
        if (exemption is not null)
        {
            return CaseClass.Exempt;
        }

        if (suspended is null)
        {
            return CaseClass.Core;
        }

        var days = (suspended.Value.Date - start!.Value.Date).Days;
        return days <= adjustedWithinDays ? CaseClass.Adjusted : CaseClass.SuspendedAfterThreshold;
    }

    /// <summary>R3 and R9: yes and relevant per key question (framework order), leaving out the answers of adjusted cases to key questions that do not apply to them.</summary>
    public static (long Yes, long Relevant)[] Tallies(IEnumerable<InspectedCase> cases, int keyQuestions = 12, ICollection<int>? notApplicableWhenAdjusted = null, int adjustedWithinDays = 56)
    {
        var tallies = new (long Yes, long Relevant)[keyQuestions];
        foreach (var c in cases)
        {
            var adjusted = ClassOf(c.Start, c.Suspended, c.Exemption, adjustedWithinDays) == CaseClass.Adjusted;
            for (var q = 0; q < keyQuestions; q++)
            {
                var answer = c.Answers[q];
                if (answer == Answer.NotApplicable || (adjusted && notApplicableWhenAdjusted?.Contains(q) == true))
                {
                    continue;
                }

                tallies[q].Relevant++;
                if (answer == Answer.Yes)
                {
                    tallies[q].Yes++;
                }
            }
        }

        return tallies;
    }

    /// <summary>R9: the case counts, field by field.</summary>
    public static CaseCounts Counts(IEnumerable<InspectedCase> cases, int adjustedWithinDays = 56)
    {
        long inspected = 0, core = 0, exempt = 0, after = 0, adjusted = 0, suspendedButExempt = 0, co = 0, sso = 0, licence = 0, pss = 0;
        foreach (var c in cases)
        {
            inspected++;
            switch (ClassOf(c.Start, c.Suspended, c.Exemption, adjustedWithinDays))
            {
                case CaseClass.Core: core++; break;
                case CaseClass.Exempt: exempt++; suspendedButExempt += c.Suspended is null ? 0 : 1; break;
                case CaseClass.SuspendedAfterThreshold: after++; break;
                case CaseClass.Adjusted: adjusted++; break;
            }

            switch (c.Sentence)
            {
                case SentenceType.CommunityOrder: co++; break;
                case SentenceType.SuspendedSentenceOrder: sso++; break;
                case SentenceType.Licence: licence++; break;
                case SentenceType.PostSentenceSupervision: pss++; break;
            }
        }

        return new CaseCounts(inspected, core, exempt, after, adjusted, suspendedButExempt, co, sso, licence, pss);
    }

    /// <summary>What R4, R5 and R8 say a set of tallies rates: each case standard, the key question driving it, the score, its maximum and the overall rating.</summary>
    public static Expected Rate((long Yes, long Relevant)[] tallies, Rating[] judgements, bool rounded = false)
    {
        var standards = new List<(string Id, Rating Rating, string? DrivenBy)>();
        var score = judgements.Sum(Points);
        var rated = judgements.Count(j => j != Rating.NotRated);
        for (var s = 0; s < CaseStandards.Length; s++)
        {
            // R5: the lowest exact ratio among key questions with a result; the first in framework order on a tie.
            int? lowest = null;
            for (var k = 0; k < 3; k++)
            {
                var (yes, relevant) = tallies[(s * 3) + k];
                if (relevant == 0)
                {
                    continue;
                }

                if (lowest is null || yes * tallies[(s * 3) + lowest.Value].Relevant < tallies[(s * 3) + lowest.Value].Yes * relevant)
                {
                    lowest = k;
                }
            }

            if (lowest is null)
            {
                standards.Add((CaseStandards[s].Standard, Rating.NotRated, null));
                continue;
            }

            var t = tallies[(s * 3) + lowest.Value];
            var rating = rounded ? RoundedBand(t.Yes, t.Relevant) : Band(t.Yes, t.Relevant);
            standards.Add((CaseStandards[s].Standard, rating, CaseStandards[s].KeyQuestions[lowest.Value]));
            score += Points(rating);
            rated++;
        }

        var max = 3 * rated;
        return new Expected(standards, score, max, max == 21 ? Overall21(score) : Rating.NotRated);
    }

    internal sealed record Expected(List<(string Id, Rating Rating, string? DrivenBy)> CaseStandards, int Score, int MaxScore, Rating Overall);
}
