using System.Globalization;
using System.Linq;
using System.Text;
using Probation.Standards.Frameworks;
using Probation.Standards.Groups;
using Probation.Standards.Scoring;

namespace Probation.Standards.Reporting.Html;

/// <summary>The league table of the page (R12): one row per group and one for the whole, each case standard's rating and its lowest key question's percentage.</summary>
internal static class HtmlLeague
{
    public static void Section(StringBuilder page, GroupedRating? groups)
    {
        if (groups is null)
        {
            return;
        }

        var all = groups.All;
        var standards = all.Standards.Where(s => s.RatedBy == RatedBy.CaseSample).ToList();
        var names = groups.Groups.Count > 0 ? string.Join(", ", groups.Groups[0].Key.Names) : "group";
        page.Append("<section id=\"groups\" aria-labelledby=\"groups-h\">\n<h2 id=\"groups-h\">Groups by ").Append(HtmlText.Escape(names)).Append("</h2>\n");
        page.Append("<p class=\"note\">A group rates its case standards only (R12): its score is out of their points and it has no overall rating. The last row is the unit as a whole.</p>\n");
        page.Append("<div class=\"scroll\"><table class=\"league\">\n<thead><tr><th scope=\"col\">").Append(HtmlText.Escape(names)).Append("</th><th scope=\"col\">Cases</th>");
        foreach (var standard in standards)
        {
            page.Append("<th scope=\"col\">").Append(HtmlText.Escape(standard.Id)).Append(' ').Append(HtmlText.Escape(standard.Name)).Append("</th>");
        }

        page.Append("<th scope=\"col\">Score</th></tr></thead>\n<tbody>\n");
        foreach (var group in groups.Groups)
        {
            Row(page, string.Join(", ", group.Key.Values.Select(v => v ?? "(none)")), group.Result, standards.Select(s => s.Id), "group");
        }

        Row(page, "all", all, standards.Select(s => s.Id), "all");
        page.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Row(StringBuilder page, string name, RatingResult result, System.Collections.Generic.IEnumerable<string> standardIds, string kind)
    {
        page.Append("<tr class=\"").Append(kind).Append("\"><th scope=\"row\">").Append(HtmlText.Escape(name)).Append("</th><td>")
            .Append(result.Cases is { } cases ? HtmlText.Number(cases.Inspected) : "-").Append("</td>");
        foreach (var id in standardIds)
        {
            var standard = result.GetStandard(id);
            page.Append("<td class=\"").Append(HtmlReport.BandClass(standard.Rating)).Append("\">").Append(standard.Rating.ToDisplayText());
            if (standard.DrivenBy is { } driver)
            {
                var tally = standard.KeyQuestions.First(q => q.Id == driver).Tally;
                page.Append(" (").Append(Banding.PercentText(tally)).Append("%)");
            }

            page.Append("</td>");
        }

        page.Append("<td>").Append(result.Score.ToString(CultureInfo.InvariantCulture)).Append('/').Append(result.MaxScore.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
    }
}
