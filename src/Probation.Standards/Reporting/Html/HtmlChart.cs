using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Reporting.Html;

/// <summary>An interval around a key question's share, in percent, drawn as a whisker across its bar.</summary>
internal sealed class ChartInterval
{
    public ChartInterval(double low, double high)
    {
        this.Low = low;
        this.High = high;
    }

    public double Low { get; }

    public double High { get; }
}

/// <summary>One bar of the chart: a key question of a case standard.</summary>
internal sealed class ChartRow
{
    public ChartRow(StandardResult standard, KeyQuestionResult question, ChartInterval? interval)
    {
        this.Standard = standard;
        this.Question = question;
        this.Interval = interval;
    }

    public StandardResult Standard { get; }

    public KeyQuestionResult Question { get; }

    public bool IsDriver => this.Question.Id == this.Standard.DrivenBy;

    /// <summary>The interval to draw, when one is known (R11); none yet in this version.</summary>
    public ChartInterval? Interval { get; }
}

/// <summary>
/// The key-question chart: every key question of every case standard as a horizontal bar from 0% to 100%,
/// against dashed lines at the lower edges of the framework's bands (read from the framework data, never
/// fixed here), each bar labelled with its percentage and band in words; and the same numbers as a table.
/// </summary>
internal static class HtmlChart
{
    private const double Width = 360;
    private const double Left = 4;
    private const double Right = 356;
    private const double AxisY = 18;

    /// <summary>A key question's percentage as the text page writes it, without the sign: exact counts to two decimals, or the published figure.</summary>
    public static string PercentText(KeyQuestionResult question) =>
        question.PublishedPercent is { } published ? published.ToString(CultureInfo.InvariantCulture)
        : question.HasResult ? Banding.PercentText(question.Tally)
        : "-";

    /// <summary>The counts behind a key question, in words.</summary>
    public static string CountsText(KeyQuestionResult question) =>
        question.PublishedPercent is { } published ? $"published as {published.ToString(CultureInfo.InvariantCulture)}%, counts not known"
        : question.HasResult ? $"{question.Tally}, {Banding.PercentText(question.Tally)}%"
        : $"{question.Tally}, no relevant case";

    /// <summary>Writes the chart and its table.</summary>
    /// <param name="page">The page being written.</param>
    /// <param name="result">The rating.</param>
    /// <param name="intervals">
    /// Where a key question's interval comes from, when intervals are known (R11, not built in this version): the
    /// seam for <c>--uncertainty</c>, which will feed it from a public option; <see langword="null"/> draws none.
    /// </param>
    public static void Section(StringBuilder page, RatingResult result, System.Func<KeyQuestionResult, ChartInterval?>? intervals = null)
    {
        var rows = Rows(result, intervals);
        if (rows.Count == 0)
        {
            return;
        }

        page.Append("<section id=\"key-questions\" aria-labelledby=\"kq-h\">\n<h2 id=\"kq-h\">Key questions against the band edges</h2>\n<figure>\n");
        Svg(page, result, rows);
        page.Append("<figcaption><ul class=\"legend\">\n");
        foreach (var band in result.Framework.Bands)
        {
            var range = band.FromPercent == 0 ? $"below {band.ToPercent}%" : band.ToPercent == 100 ? $"{band.FromPercent}% to 100%" : $"{band.FromPercent}% to below {band.ToPercent}%";
            page.Append("<li class=\"").Append(HtmlReport.BandClass(band.Rating)).Append("\"><span class=\"swatch\" aria-hidden=\"true\"></span>")
                .Append(band.Rating.ToDisplayText()).Append(": ").Append(range).Append("</li>\n");
        }

        page.Append("<li>dashed lines: the band edges; <strong>lowest</strong>: the key question that drives its standard (R5)</li>\n</ul></figcaption>\n</figure>\n");
        Table(page, result, rows);
        page.Append("</section>\n");
    }

    private static List<ChartRow> Rows(RatingResult result, System.Func<KeyQuestionResult, ChartInterval?>? intervals)
    {
        var rows = new List<ChartRow>();
        foreach (var standard in result.Standards)
        {
            if (standard.RatedBy != RatedBy.CaseSample)
            {
                continue;
            }

            foreach (var question in standard.KeyQuestions)
            {
                rows.Add(new ChartRow(standard, question, question.HasResult ? intervals?.Invoke(question) : null));
            }
        }

        return rows;
    }

    // The lower edges of every band but the first: where one band ends and the next begins (R4).
    private static IEnumerable<int> Edges(Framework framework) => framework.Bands.Select(b => b.FromPercent).Where(p => p > 0 && p < 100).Distinct().OrderBy(p => p);

    private static double X(double percent) => Left + ((Right - Left) * System.Math.Max(0, System.Math.Min(100, percent)) / 100);

    private static double Share(KeyQuestionResult question) =>
        question.PublishedPercent is { } published ? (double)published : (double)question.Tally.Yes * 100 / question.Tally.Relevant;

    private static void Svg(StringBuilder page, RatingResult result, List<ChartRow> rows)
    {
        var edges = Edges(result.Framework).ToList();
        var body = new StringBuilder();
        var y = AxisY + 4;
        string? standardId = null;
        foreach (var row in rows)
        {
            if (row.Standard.Id != standardId)
            {
                standardId = row.Standard.Id;
                var s = row.Standard;
                var title = $"{s.Id} {s.Name}: {s.Rating.ToDisplayText()}" + (s.Override is null ? string.Empty : $" (overridden from {s.ComputedRating?.ToDisplayText()})");
                body.Append("<text class=\"std\" x=\"").Append(HtmlText.Coordinate(Left)).Append("\" y=\"").Append(HtmlText.Coordinate(y + 15)).Append("\" font-weight=\"700\" font-size=\"13\">")
                    .Append(HtmlText.Escape(title)).Append("</text>\n");
                y += 21;
            }

            Bar(body, row, y, edges);
            y += 31;
        }

        var height = y + 6;
        page.Append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 ")
            .Append(HtmlText.Coordinate(Width)).Append(' ').Append(HtmlText.Coordinate(height)).Append("\" width=\"").Append(HtmlText.Coordinate(Width * 1.8))
            .Append("\" height=\"").Append(HtmlText.Coordinate(height * 1.8)).Append("\" font-family=\"system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif\" font-size=\"12\">\n");
        page.Append("<title id=\"chart-title\">Key questions of ").Append(HtmlText.Escape(result.Unit)).Append(" against the band edges ")
            .Append(string.Join("/", edges.Select(e => e.ToString(CultureInfo.InvariantCulture)))).Append("</title>\n");
        page.Append("<desc id=\"chart-desc\">Each key question's share of Yes answers as a bar from 0% to 100%, with dashed lines at the band edges ")
            .Append(string.Join(", ", edges.Select(e => e.ToString(CultureInfo.InvariantCulture) + "%"))).Append(". ");
        page.Append(HtmlText.Escape(string.Join("; ", rows.Select(r => $"{r.Question.Id}: {Value(r.Question)}{(r.IsDriver ? ", lowest, drives " + r.Standard.Id : string.Empty)}")))).Append(".</desc>\n");

        // The axis: 0%, each band edge, 100%.
        page.Append("<g class=\"axis\">\n");
        Tick(page, 0, "start");
        foreach (var edge in edges)
        {
            Tick(page, edge, "middle");
        }

        Tick(page, 100, "end");
        page.Append("<line x1=\"").Append(HtmlText.Coordinate(Left)).Append("\" x2=\"").Append(HtmlText.Coordinate(Right)).Append("\" y1=\"").Append(HtmlText.Coordinate(AxisY))
            .Append("\" y2=\"").Append(HtmlText.Coordinate(AxisY)).Append("\" stroke=\"#1b1b1b\" stroke-width=\"1\"/>\n</g>\n");
        page.Append(body);

        page.Append("</svg>\n");
    }

    private static void Tick(StringBuilder page, int percent, string anchor)
    {
        var x = HtmlText.Coordinate(X(percent));
        page.Append("<text x=\"").Append(x).Append("\" y=\"12\" text-anchor=\"").Append(anchor).Append("\">")
            .Append(percent.ToString(CultureInfo.InvariantCulture)).Append("%</text>")
            .Append("<line x1=\"").Append(x).Append("\" x2=\"").Append(x).Append("\" y1=\"").Append(HtmlText.Coordinate(AxisY - 3)).Append("\" y2=\"")
            .Append(HtmlText.Coordinate(AxisY + 3)).Append("\" stroke=\"#1b1b1b\" stroke-width=\"1\"/>\n");
    }

    private static string Value(KeyQuestionResult question) =>
        !question.HasResult ? "no relevant case"
        : question.IsPublished ? $"{PercentText(question)}% published, {question.Band.ToDisplayText()}"
        : $"{PercentText(question)}%, {question.Band.ToDisplayText()}";

    private static void Bar(StringBuilder body, ChartRow row, double y, List<int> edges)
    {
        var q = row.Question;
        body.Append("<g class=\"kq ").Append(HtmlReport.BandClass(q.HasResult ? q.Band : Rating.NotRated)).Append("\" data-kq=\"").Append(HtmlText.Escape(q.Id)).Append("\">\n");
        body.Append("<text x=\"").Append(HtmlText.Coordinate(Left)).Append("\" y=\"").Append(HtmlText.Coordinate(y + 12)).Append('"')
            .Append(row.IsDriver ? " font-weight=\"700\"" : string.Empty).Append('>').Append(HtmlText.Escape(q.Id))
            .Append(row.IsDriver ? " \u00b7 lowest" : string.Empty).Append("</text>\n");
        body.Append("<text x=\"").Append(HtmlText.Coordinate(Right)).Append("\" y=\"").Append(HtmlText.Coordinate(y + 12)).Append("\" text-anchor=\"end\">")
            .Append(HtmlText.Escape(Value(q).Replace(", ", " \u00b7 "))).Append("</text>\n");
        var barY = y + 16;
        body.Append("<rect class=\"track\" x=\"").Append(HtmlText.Coordinate(Left)).Append("\" y=\"").Append(HtmlText.Coordinate(barY)).Append("\" width=\"")
            .Append(HtmlText.Coordinate(Right - Left)).Append("\" height=\"9\" fill=\"#f1f1f1\" stroke=\"#8a8a8a\" stroke-width=\"0.5\"/>\n");
        if (q.HasResult)
        {
            body.Append("<rect class=\"bar\" x=\"").Append(HtmlText.Coordinate(Left)).Append("\" y=\"").Append(HtmlText.Coordinate(barY)).Append("\" width=\"")
                .Append(HtmlText.Coordinate(X(Share(q)) - Left)).Append("\" height=\"9\"/>\n");
        }

        if (row.Interval is { } interval)
        {
            var mid = HtmlText.Coordinate(barY + 4.5);
            var low = HtmlText.Coordinate(X(interval.Low));
            var high = HtmlText.Coordinate(X(interval.High));
            body.Append("<path class=\"interval\" d=\"M").Append(low).Append(' ').Append(mid).Append(" H").Append(high)
                .Append(" M").Append(low).Append(' ').Append(HtmlText.Coordinate(barY + 1)).Append(" V").Append(HtmlText.Coordinate(barY + 8))
                .Append(" M").Append(high).Append(' ').Append(HtmlText.Coordinate(barY + 1)).Append(" V").Append(HtmlText.Coordinate(barY + 8))
                .Append("\" stroke=\"#1b1b1b\" stroke-width=\"1.5\" fill=\"none\"/>\n");
        }

        // The band edges across the bar (not across the labels), so every bar is read against them.
        body.Append("<g class=\"edges\">");
        foreach (var edge in edges)
        {
            var x = HtmlText.Coordinate(X(edge));
            body.Append("<line x1=\"").Append(x).Append("\" x2=\"").Append(x).Append("\" y1=\"").Append(HtmlText.Coordinate(barY - 3)).Append("\" y2=\"")
                .Append(HtmlText.Coordinate(barY + 12)).Append("\" stroke=\"#fff\" stroke-width=\"3\"/>");
            body.Append("<line stroke=\"#1b1b1b\" stroke-width=\"1.2\" stroke-dasharray=\"2 1.5\" data-edge=\"").Append(edge.ToString(CultureInfo.InvariantCulture)).Append("\" x1=\"").Append(x).Append("\" x2=\"").Append(x)
                .Append("\" y1=\"").Append(HtmlText.Coordinate(barY - 3)).Append("\" y2=\"").Append(HtmlText.Coordinate(barY + 12)).Append("\"/>");
        }

        body.Append("</g>\n</g>\n");
    }

    private static void Table(StringBuilder page, RatingResult result, List<ChartRow> rows)
    {
        page.Append("<div class=\"scroll\"><table id=\"kq-table\">\n<caption>The chart's numbers</caption>\n<thead><tr><th scope=\"col\">key question</th><th scope=\"col\" class=\"num\">Yes/relevant</th><th scope=\"col\" class=\"num\">percent</th><th scope=\"col\">band</th></tr></thead>\n");
        string? standardId = null;
        foreach (var row in rows)
        {
            if (row.Standard.Id != standardId)
            {
                if (standardId is not null)
                {
                    page.Append("</tbody>\n");
                }

                standardId = row.Standard.Id;
                page.Append("<tbody>\n<tr><th colspan=\"4\" scope=\"rowgroup\">").Append(HtmlText.Escape(row.Standard.Id)).Append(' ').Append(HtmlText.Escape(row.Standard.Name))
                    .Append(": <span class=\"rating ").Append(HtmlReport.BandClass(row.Standard.Rating)).Append("\">").Append(row.Standard.Rating.ToDisplayText()).Append("</span></th></tr>\n");
            }

            var q = row.Question;
            var text = result.Framework.TryGetKeyQuestion(q.Id, out var definition) ? definition.Text : string.Empty;
            page.Append("<tr id=\"kq-").Append(HtmlText.Escape(q.Id)).Append('"').Append(row.IsDriver ? " class=\"driver\"" : string.Empty).Append("><th scope=\"row\">")
                .Append(HtmlText.Escape(q.Id)).Append(row.IsDriver ? "<span class=\"lowest\">(lowest)</span>" : string.Empty).Append("<span class=\"qtext\">").Append(HtmlText.Escape(text)).Append("</span></th>")
                .Append("<td class=\"num counts\">").Append(q.IsPublished ? "not known" : HtmlText.Escape(q.Tally.ToString())).Append("</td>")
                .Append("<td class=\"num pct\">").Append(q.HasResult ? PercentText(q) + "%" : "-").Append(q.IsPublished ? " (published)" : string.Empty).Append("</td>")
                .Append("<td><span class=\"rating ").Append(HtmlReport.BandClass(q.HasResult ? q.Band : Rating.NotRated)).Append("\">")
                .Append(q.HasResult ? q.Band.ToDisplayText() : "no result").Append("</span></td></tr>\n");
        }

        page.Append("</tbody>\n</table></div>\n");
    }
}
