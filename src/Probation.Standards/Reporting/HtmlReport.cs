using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Probation.Standards.Explanation;
using Probation.Standards.Frameworks;
using Probation.Standards.Reporting.Html;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;

namespace Probation.Standards.Reporting;

/// <summary>
/// The report a person opens or prints (<c>probation-standards report</c>): one self-contained HTML page
/// with the header and what the rating rests on, rating tiles like the report's ratings page, an inline
/// SVG chart of every key question against the framework's band edges, the explanation in words, and the
/// Reset counts. The page loads nothing (no fonts, scripts, styles or images from anywhere; a content
/// security policy forbids it), every text is HTML-escaped, and the output is the same for the same input.
/// </summary>
public static class HtmlReport
{
    /// <summary>Writes the page.</summary>
    /// <param name="output">Where to write the HTML.</param>
    /// <param name="explanation">The rating explained (<see cref="Explainer.Explain(RatingResult)"/>).</param>
    /// <param name="options">What else to show; <see cref="HtmlReportOptions.Default"/> when <see langword="null"/>.</param>
    public static void Write(TextWriter output, RatingExplanation explanation, HtmlReportOptions? options = null)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        output.Write(Render(explanation, options));
    }

    /// <summary>The page as a string.</summary>
    /// <param name="explanation">The rating explained (<see cref="Explainer.Explain(RatingResult)"/>).</param>
    /// <param name="options">What else to show; <see cref="HtmlReportOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The HTML document.</returns>
    public static string Render(RatingExplanation explanation, HtmlReportOptions? options = null)
    {
        if (explanation is null)
        {
            throw new ArgumentNullException(nameof(explanation));
        }

        options ??= HtmlReportOptions.Default;
        var result = explanation.Result;
        var page = new StringBuilder(32 * 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(HtmlText.Escape(result.Unit)).Append(": ratings, ").Append(HtmlText.Escape(result.FrameworkId)).Append("</title>\n")
            .Append("<style>\n").Append(HtmlStyle.Css).Append("\n</style>\n</head>\n<body>\n<div class=\"page\">\n");

        Header(page, result, options);
        page.Append("<main>\n");
        // The sections in order; each writes nothing when it has nothing to show. Groups (R12) will add a league
        // table and a chart per group after the ratings, and intervals (R11) feed HtmlChart.Section's interval
        // source, each from a further optional HtmlReportOptions input.
        Ratings(page, result);
        HtmlLeague.Section(page, options.Groups);
        HtmlChart.Section(page, result);
        Explanations(page, explanation);
        ResetSection(page, result, options.Classifications);
        Warnings(page, result);
        page.Append("</main>\n");
        page.Append("<footer>\n<p>").Append(HtmlText.Escape(UnverifiedLine(result))).Append("</p>\n")
            .Append("<p>Rated by the Probation.Standards library against ").Append(HtmlText.Escape(result.FrameworkId))
            .Append(" (data version ").Append(HtmlText.Escape(result.FrameworkVersionId)).Append("), bands on the ")
            .Append(Describe(result.Basis)).Append(". Rules: docs/rules.md R1-R10 of the library.</p>\n</footer>\n");
        page.Append("</div>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The closing line of the text page, word for word: what the rating rests on.</summary>
    internal static string UnverifiedLine(RatingResult result) =>
        result.Unverified.Count == 0
            ? "Every value this rating rests on is confirmed by its source."
            : $"This rating rests on values not yet confirmed by their source: {string.Join("; ", result.Unverified)}.";

    internal static string Describe(BandingBasis basis) => basis == BandingBasis.ExactRatio ? "exact ratio" : "rounded percentage";

    /// <summary>The CSS class that carries a rating's colour; the rating's name is always written beside it.</summary>
    internal static string BandClass(Rating rating) => "b-" + (Defined.Is(rating) ? rating.ToString() : nameof(Rating.NotRated));

    private static void Header(StringBuilder page, RatingResult result, HtmlReportOptions options)
    {
        page.Append("<header>\n<p class=\"kicker\">Inspection ratings</p>\n<h1 id=\"unit\">").Append(HtmlText.Escape(result.Unit)).Append("</h1>\n");
        page.Append("<dl class=\"facts\">\n<dt>Framework</dt><dd id=\"framework\">").Append(HtmlText.Escape(result.Framework.Name))
            .Append(" (").Append(HtmlText.Escape(result.FrameworkId)).Append(", data version ").Append(HtmlText.Escape(result.FrameworkVersionId)).Append(")</dd>\n");
        if (options.FieldworkStarted is { } started)
        {
            page.Append("<dt>Fieldwork started</dt><dd id=\"fieldwork\"><time datetime=\"").Append(started.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
                .Append(started.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time></dd>\n");
        }

        page.Append("<dt>Bands read on</dt><dd>the ").Append(Describe(result.Basis)).Append(" (R4)</dd>\n");
        if (result.Cases is { } cases)
        {
            page.Append("<dt>Cases inspected</dt><dd>").Append(HtmlText.Number(cases.Inspected)).Append("</dd>\n");
        }

        page.Append("</dl>\n<p class=\"note\" id=\"unverified\" role=\"note\"><strong>What this rests on.</strong> ")
            .Append(HtmlText.Escape(UnverifiedLine(result))).Append("</p>\n</header>\n");
    }

    private static void Ratings(StringBuilder page, RatingResult result)
    {
        page.Append("<section id=\"ratings\" aria-labelledby=\"ratings-h\">\n<h2 id=\"ratings-h\">Ratings</h2>\n<div class=\"summary\">\n");
        page.Append("<div class=\"big ").Append(BandClass(result.Overall)).Append("\" id=\"overall\"><span class=\"label\">Overall rating</span><span class=\"value rating\">")
            .Append(result.Overall.ToDisplayText()).Append("</span></div>\n");
        page.Append("<div class=\"big ").Append(BandClass(result.Overall)).Append("\" id=\"score\"><span class=\"label\">Score</span><span class=\"value\">")
            .Append(HtmlText.Number(result.Score)).Append('/').Append(HtmlText.Number(result.MaxScore)).Append("</span></div>\n</div>\n");

        var domain = (string?)null;
        var domainNumber = 0;
        foreach (var standard in result.Standards)
        {
            var definition = result.Framework.GetStandard(standard.Id);
            if (definition.Domain != domain)
            {
                if (domain is not null)
                {
                    page.Append("</ul>\n");
                }

                domain = definition.Domain;
                page.Append("<h3>").Append(HtmlText.Number(++domainNumber)).Append(". ").Append(HtmlText.Escape(domain)).Append("</h3>\n<ul class=\"tiles\">\n");
            }

            page.Append("<li class=\"tile ").Append(BandClass(standard.Rating)).Append("\" id=\"standard-").Append(HtmlText.Escape(standard.Id)).Append("\">")
                .Append("<span class=\"name\">").Append(HtmlText.Escape(standard.Id)).Append(' ').Append(HtmlText.Escape(standard.Name)).Append("</span>")
                .Append("<span class=\"rating\">").Append(standard.Rating.ToDisplayText()).Append("</span>")
                .Append("<span class=\"how\">").Append(HtmlText.Escape(How(standard))).Append("</span></li>\n");
        }

        if (domain is not null)
        {
            page.Append("</ul>\n");
        }

        page.Append("</section>\n");
    }

    private static string How(StandardResult standard)
    {
        var points = HtmlText.Count(standard.Points, "point", "points");
        if (standard.RatedBy == RatedBy.Judgement)
        {
            return $"{points}; inspectors' judgement";
        }

        var driver = standard.Driver;
        var how = driver is null ? "no key question has a result" : $"lowest {driver.Id} {HtmlChart.PercentText(driver)}%";
        if (standard.Override is not null)
        {
            how += $"; overridden from {standard.ComputedRating?.ToDisplayText()}";
        }

        return $"{points}; {how}";
    }

    private static void Explanations(StringBuilder page, RatingExplanation explanation)
    {
        var result = explanation.Result;
        page.Append("<section id=\"explanation\" aria-labelledby=\"explanation-h\">\n<h2 id=\"explanation-h\">Why each rating is what it is</h2>\n");
        foreach (var judged in result.Standards.Where(s => s.RatedBy == RatedBy.Judgement))
        {
            page.Append("<p>").Append(HtmlText.Escape(judged.Id)).Append(' ').Append(HtmlText.Escape(judged.Name)).Append(": <span class=\"rating ")
                .Append(BandClass(judged.Rating)).Append("\">").Append(judged.Rating.ToDisplayText()).Append("</span>, an inspectors' judgement given as an input (R6).</p>\n");
        }

        foreach (var why in explanation.Standards)
        {
            Standard(page, why, result.Basis);
        }

        Overall(page, explanation);
        page.Append("</section>\n");
    }

    private static void Standard(StringBuilder page, StandardExplanation why, BandingBasis basis)
    {
        var standard = why.Standard;
        page.Append("<div class=\"why ").Append(BandClass(standard.Rating)).Append("\" id=\"why-").Append(HtmlText.Escape(standard.Id)).Append("\">\n<h3>")
            .Append(HtmlText.Escape(standard.Id)).Append(' ').Append(HtmlText.Escape(standard.Name)).Append(": <span class=\"rating\">")
            .Append(standard.Rating.ToDisplayText()).Append("</span></h3>\n");
        if (standard.Override is not null)
        {
            page.Append("<p>Overridden by the inspectors from ").Append(standard.ComputedRating?.ToDisplayText()).Append(" (R7): ")
                .Append(HtmlText.Escape(standard.Override.Reason)).Append("</p>\n");
        }

        if (why.Driver is not { } driver || why.Band is not { } band)
        {
            page.Append("<p>Not rated: none of its key questions has a relevant case (R5).</p>\n</div>\n");
            return;
        }

        var upper = band.ToPercent == 100 ? "100% inclusive" : $"below {band.ToPercent}%";
        page.Append("<p>The lowest key question, ").Append(HtmlText.Escape(driver.Id)).Append(" (").Append(HtmlText.Escape(HtmlChart.CountsText(driver)))
            .Append("), drives the rating (R5). It sits in the ").Append(band.Rating.ToDisplayText()).Append(" band (").Append(HtmlText.Escape(band.Descriptor))
            .Append("), from ").Append(band.FromPercent.ToString(CultureInfo.InvariantCulture)).Append("% up to ").Append(upper)
            .Append(", read on the ").Append(Describe(basis)).Append(" (R4).</p>\n");
        if (why.Lift is not { } lift)
        {
            page.Append("<p>Already in the top band.</p>\n</div>\n");
            return;
        }

        page.Append("<p>To reach ").Append(lift.Target.Rating.ToDisplayText()).Append(" every key question must reach ")
            .Append(lift.Target.FromPercent.ToString(CultureInfo.InvariantCulture)).Append("%:</p>\n<ul>\n");
        foreach (var q in lift.KeyQuestions)
        {
            var k = q.KeyQuestion;
            page.Append("<li>").Append(HtmlText.Escape(k.Id)).Append(": ");
            if (q.PercentagePointsShort is { } points)
            {
                page.Append("published as ").Append(k.PublishedPercent?.ToString(CultureInfo.InvariantCulture)).Append("%, ")
                    .Append(points.ToString(CultureInfo.InvariantCulture)).Append(" percentage points short; the case counts behind it are not known, so no number of answers can be given");
            }
            else
            {
                page.Append(q.NoAnswersTurnedYes is { } t ? $"{HtmlText.Number(t)} more Yes among its {HtmlText.Number(k.Tally.Relevant)} relevant cases (No turned Yes)" : "more Yes answers than 64-bit counts hold")
                    .Append(", or ").Append(q.NewSufficientCases is { } m ? HtmlText.Count(m, "new sufficient case", "new sufficient cases") : "no number of new sufficient cases");
            }

            page.Append("</li>\n");
        }

        page.Append("</ul>\n");
        if (lift.NoAnswersTurnedYes is { } all)
        {
            page.Append("<p>Smallest change: ").Append(HtmlText.Count(all, "No answer", "No answers")).Append(" turned Yes; then driven by ")
                .Append(HtmlText.Escape(lift.DrivenByAfterNoTurnedYes)).Append(".</p>\n");
        }

        if (lift.NewSufficientCases is { } cases)
        {
            page.Append("<p>Or ").Append(HtmlText.Count(cases, "new case", "new cases")).Append(" sufficient on every key question of ")
                .Append(HtmlText.Escape(standard.Id)).Append("; then driven by ").Append(HtmlText.Escape(lift.DrivenByAfterNewCases)).Append(".</p>\n");
        }

        page.Append("</div>\n");
    }

    // R8: where the score sits in the overall table, the points the next band needs, and the fewest answers that give them.
    private static void Overall(StringBuilder page, RatingExplanation explanation)
    {
        var result = explanation.Result;
        var overall = explanation.Overall;
        page.Append("<div class=\"why ").Append(BandClass(result.Overall)).Append("\" id=\"why-overall\">\n<h3>Overall: ")
            .Append(HtmlText.Number(result.Score)).Append('/').Append(HtmlText.Number(result.MaxScore)).Append(", <span class=\"rating\">")
            .Append(result.Overall.ToDisplayText()).Append("</span></h3>\n");
        if (overall.Table is null || overall.Band is null)
        {
            page.Append("<p>").Append(HtmlText.Escape(result.FrameworkId)).Append(" has no overall table for a maximum of ")
                .Append(HtmlText.Number(result.MaxScore)).Append(", so the overall rating is not rated (R8).</p>\n</div>\n");
            return;
        }

        page.Append("<p>").Append(result.Overall.ToDisplayText()).Append(" is a score of ").Append(HtmlText.Number(overall.Band.FromScore)).Append('-')
            .Append(HtmlText.Number(overall.Band.ToScore)).Append(" of ").Append(HtmlText.Number(overall.Table.MaxScore)).Append(" (R8). Points per rating: ")
            .Append(HtmlText.Escape(string.Join(", ", result.Framework.Points.Select(p => $"{p.Rating.ToDisplayText()} {p.Points}")))).Append(".</p>\n");
        if (overall.Next is not { } next)
        {
            page.Append("<p>Already in the top band.</p>\n</div>\n");
            return;
        }

        page.Append("<p id=\"points-to-next\">").Append(HtmlText.Count(overall.PointsToNext ?? 0, "more point", "more points")).Append(" would reach ")
            .Append(next.Rating.ToDisplayText()).Append(" (").Append(HtmlText.Number(next.FromScore)).Append('-').Append(HtmlText.Number(next.ToScore)).Append(").</p>\n");
        // The cheapest path is the explanation's own (Explainer, exact over every combination of lifts).
        if (overall.FewestAnswers is not { } total || overall.Plan.Any(s => s.NoAnswersTurnedYes is null))
        {
            page.Append("<p>No number of answers can be given for that: the case standards that could move are published percentages, overridden, or already at the top.</p>\n</div>\n");
            return;
        }

        page.Append("<p id=\"cheapest-path\">The fewest answers that reach it: <strong>")
            .Append(total.ToString(CultureInfo.InvariantCulture)).Append(total == 1 ? " No answer" : " No answers").Append(" turned Yes</strong>, lifting</p>\n<ul>\n");
        foreach (var step in overall.Plan.OrderBy(s => result.Standards.AsImmutableArray().IndexOf(s.Standard)))
        {
            var answers = step.NoAnswersTurnedYes!.Value;
            page.Append("<li>").Append(HtmlText.Escape(step.Standard.Id)).Append(' ').Append(HtmlText.Escape(step.Standard.Name)).Append(" to ")
                .Append(step.Target.Rating.ToDisplayText()).Append(" (+").Append(HtmlText.Count(step.PointsGained, "point", "points")).Append("): ")
                .Append(answers.ToString(CultureInfo.InvariantCulture)).Append(answers == 1 ? " answer" : " answers").Append("</li>\n");
        }

        page.Append("</ul>\n<p>Counted over the case standards only: judgements (R6), overrides (R7) and published percentages cannot be moved by answers here.</p>\n</div>\n");
    }

    private static void ResetSection(StringBuilder page, RatingResult result, IEnumerable<CaseClassification>? classifications)
    {
        if (result.Cases is not { } cases)
        {
            return;
        }

        page.Append("<section id=\"reset\" aria-labelledby=\"reset-h\">\n<h2 id=\"reset-h\">Cases and Probation Reset</h2>\n");
        page.Append("<p>").Append(HtmlText.Escape(cases.ToString())).Append(" (R9).</p>\n");
        page.Append("<div class=\"scroll\"><table id=\"reset-counts\">\n<caption>Cases by Reset class</caption>\n<thead><tr><th scope=\"col\">class</th><th scope=\"col\" class=\"num\">cases</th></tr></thead>\n<tbody>\n");
        var days = result.Framework.Reset.AdjustedWithinDays;
        Row(page, "inspected", cases.Inspected);
        Row(page, "subject to Reset", cases.Reset);
        Row(page, $"adjusted standards (suspended within {days} days)", cases.Adjusted);
        Row(page, $"suspended later (core standards, proportionately)", cases.SuspendedAfterThreshold);
        Row(page, "exempt (core standards)", cases.Exempt);
        Row(page, "core standards", cases.Core);
        page.Append("</tbody>\n</table></div>\n");

        var sentences = new List<string>();
        Add(sentences, cases.CommunityOrders, "community order", "community orders");
        Add(sentences, cases.SuspendedSentenceOrders, "suspended sentence order", "suspended sentence orders");
        Add(sentences, cases.Licences, "licence", "licences");
        Add(sentences, cases.PostSentenceSupervision, "post-sentence supervision", "post-sentence supervision");
        if (sentences.Count > 0)
        {
            page.Append("<p>Sentences: ").Append(HtmlText.Escape(string.Join(", ", sentences))).Append(".</p>\n");
        }

        if (classifications is not null)
        {
            var listed = classifications.Where(c => c.Class != CaseClass.Core).ToList();
            if (listed.Count > 0)
            {
                page.Append("<div class=\"scroll\"><table id=\"reset-cases\">\n<caption>Cases not on the core standards alone</caption>\n<thead><tr><th scope=\"col\">case</th><th scope=\"col\">class</th><th scope=\"col\" class=\"num\">days to suspension</th></tr></thead>\n<tbody>\n");
                foreach (var c in listed)
                {
                    var text = c.Class switch
                    {
                        CaseClass.Adjusted => $"adjusted standards ({days} days or fewer)",
                        CaseClass.SuspendedAfterThreshold => $"core standards, proportionately (more than {days} days)",
                        _ => "exempt: core standards",
                    };
                    page.Append("<tr><th scope=\"row\">").Append(HtmlText.Escape(c.CaseId)).Append("</th><td>").Append(text).Append("</td><td class=\"num\">")
                        .Append(c.DaysToSuspension is { } d ? d.ToString(CultureInfo.InvariantCulture) : "-").Append("</td></tr>\n");
                }

                page.Append("</tbody>\n</table></div>\n");
            }
        }

        page.Append("</section>\n");

        static void Row(StringBuilder page, string label, long count) =>
            page.Append("<tr><th scope=\"row\">").Append(HtmlText.Escape(label)).Append("</th><td class=\"num\">").Append(HtmlText.Number(count)).Append("</td></tr>\n");

        static void Add(List<string> parts, long count, string one, string many)
        {
            if (count > 0)
            {
                parts.Add(HtmlText.Count(count, one, many));
            }
        }
    }

    private static void Warnings(StringBuilder page, RatingResult result)
    {
        page.Append("<section id=\"warnings\" aria-labelledby=\"warnings-h\">\n<h2 id=\"warnings-h\">Warnings</h2>\n");
        if (result.Warnings.Count == 0)
        {
            page.Append("<p>None.</p>\n");
        }
        else
        {
            page.Append("<ul>\n");
            foreach (var warning in result.Warnings)
            {
                page.Append("<li>").Append(HtmlText.Escape(warning.Message)).Append("</li>\n");
            }

            page.Append("</ul>\n");
        }

        page.Append("</section>\n");
    }
}
