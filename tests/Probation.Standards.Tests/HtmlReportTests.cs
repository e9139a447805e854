using System.Text;
using System.Text.RegularExpressions;
using Probation.Standards.Explanation;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Reporting;
using Probation.Standards.Reporting.Html;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// The HTML page as markup (the browser checks are in the CLI tests): band lines from the framework data,
/// escaping, the unverified line, the cheapest path to the next overall band against hand-computed answers.
/// </summary>
public class HtmlReportTests
{
    private static string Page(string json, FrameworkCatalog? catalog = null)
    {
        var document = FindingsReader.Read(Encoding.UTF8.GetBytes(json), "test.json", new FindingsReaderOptions { Catalog = catalog ?? FrameworkCatalog.Default, KeepCases = true });
        var result = Rater.Rate(document.Input);
        return HtmlReport.Render(Explainer.Explain(result), new HtmlReportOptions
        {
            FieldworkStarted = document.FieldworkStarted,
            Classifications = document.Cases.Select(c => c.Classify()).ToList(),
        });
    }

    private static string Seed() =>
        Page(File.ReadAllText(Seeds.PathOf("nottinghamshire-pdu-2025-cases.json")));

    // Counts for every key question; organisational ratings as given.
    private static string Counts(string p11, string p12, string p13, params (string Id, int Yes, int Relevant)[] questions) =>
        "{\"framework\": \"probation-pdu-2023\", \"unit\": \"Test PDU\", \"organisational\": {\"P1.1\": \"" + p11 + "\", \"P1.2\": \"" + p12 + "\", \"P1.3\": \"" + p13 + "\"}, \"keyQuestions\": {"
        + string.Join(", ", questions.Select(q => $"\"{q.Id}\": {{\"yes\": {q.Yes}, \"relevant\": {q.Relevant}}}")) + "}}";

    private static readonly string[] KeyQuestionIds =
        { "P2.1.1", "P2.1.2", "P2.1.3", "P2.2.1", "P2.2.2", "P2.2.3", "P2.3.1", "P2.3.2", "P2.3.3", "P2.4.1", "P2.4.2", "P2.4.3" };

    [Test]
    public void The_band_lines_come_from_the_framework_data_not_from_the_code()
    {
        var json = FrameworkJson.DefaultCopy();
        json["id"] = "edges-40-60-90";
        json["versionId"] = "test";
        var bands = json["bands"]!.AsArray();
        int[] from = { 0, 40, 60, 90 };
        for (var i = 0; i < 4; i++)
        {
            bands[i]!["fromPercent"] = from[i];
            bands[i]!["toPercent"] = i < 3 ? from[i + 1] : 100;
        }

        var catalog = FrameworkCatalog.Default.With(FrameworkJson.Read(json));
        var page = Page(Counts("Good", "Good", "Good", KeyQuestionIds.Select(id => (id, 55, 100)).ToArray()).Replace("probation-pdu-2023", "edges-40-60-90", StringComparison.Ordinal), catalog);

        Edges(page).ShouldBe(new[] { 40, 60, 90 });
        page.ShouldContain("Requires improvement: 40% to below 60%");
        Seed().ShouldSatisfyAllConditions(seed => Edges(seed).ShouldBe(new[] { 50, 65, 80 }));

        // one dashed line per edge across each of the twelve bars
        static int[] Edges(string html) =>
            Regex.Matches(html, "data-edge=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                .GroupBy(e => e).Select(g => { g.Count().ShouldBe(12); return g.Key; }).OrderBy(e => e).ToArray();
    }

    [Test]
    public void Every_text_from_the_document_is_escaped()
    {
        const string unit = "<script>alert(1)</script> & \"quoted\" 'single'";
        var json = File.ReadAllText(Seeds.PathOf("nottinghamshire-pdu-2025-cases.json"))
            .Replace("\"unit\": \"Nottinghamshire PDU (case-level reconstruction)\"", "\"unit\": \"<script>alert(1)</script> & \\\"quoted\\\" 'single'\"", StringComparison.Ordinal)
            .Replace("\"id\": \"C004\"", "\"id\": \"<img src=x onerror=alert(2)>\"", StringComparison.Ordinal);
        json.ShouldContain("<img src=x");
        var page = Page(json);

        page.ShouldNotContain("<script", Case.Insensitive);
        page.ShouldNotContain("<img", Case.Insensitive);
        page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;");
        page.ShouldContain("&lt;img src=x onerror=alert(2)&gt;");
        unit.ShouldNotBe(HtmlText.Escape(unit));
    }

    [Test]
    public void Escaping_covers_markup_quotes_and_control_characters()
    {
        HtmlText.Escape("a<b>&\"'").ShouldBe("a&lt;b&gt;&amp;&quot;&#39;");
        HtmlText.Escape("line\nbreak\u0000").ShouldBe("line\\nbreak\\u0000");
        HtmlText.Escape("plain P2.1").ShouldBe("plain P2.1");
        HtmlText.Escape(null).ShouldBe(string.Empty);
    }

    [Test]
    public void The_page_requests_nothing_and_carries_its_own_style_and_chart()
    {
        var page = Seed();
        page.ShouldNotContain("http:", Case.Insensitive);
        page.ShouldNotContain("https:", Case.Insensitive);
        page.ShouldNotContain("<script", Case.Insensitive);
        page.ShouldNotContain("<link", Case.Insensitive);
        page.ShouldNotContain("@import", Case.Insensitive);
        page.ShouldNotContain("url(", Case.Insensitive);
        page.ShouldContain("Content-Security-Policy\" content=\"default-src 'none'");
        page.ShouldContain("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"");
        page.ShouldContain("<title id=\"chart-title\">");
        page.ShouldContain("<desc id=\"chart-desc\">");
        page.ShouldContain("@media print{@page{size:A4");
        page.ShouldContain("lang=\"en-GB\"");
        Regex.Matches(page, "<g class=\"kq ").Count.ShouldBe(12);
        Seed().ShouldBe(page, "the same input gives the same page");
    }

    [Test]
    public void The_header_says_what_the_rating_rests_on_as_the_text_page_does()
    {
        var document = FindingsReader.Read(Seeds.Bytes("nottinghamshire-pdu-2025-cases.json"), "seed.json");
        var result = Rater.Rate(document.Input);
        var text = new StringWriter();
        RatingsText.WriteRatings(text, result, document.FieldworkStarted);
        var closing = text.ToString().TrimEnd().Split('\n').Last().TrimEnd('\r');
        closing.ShouldStartWith("This rating rests on values not yet confirmed by their source: the band edges 50/65/80 (R4)");

        var page = HtmlReport.Render(Explainer.Explain(result), new HtmlReportOptions { FieldworkStarted = document.FieldworkStarted });
        page.ShouldContain("id=\"unverified\" role=\"note\"><strong>What this rests on.</strong> " + HtmlText.Escape(closing) + "</p>");
        page.ShouldContain("<time datetime=\"2025-03-10\">10 March 2025</time>");
        page.ShouldContain("probation-pdu-2023, data version 2023.2");
    }

    [Test]
    public void The_seed_page_shows_the_cheapest_answers_to_the_next_overall_band()
    {
        // By hand: 3/21 needs 3 points for 6-10. One band up each: P2.1 11 (P2.1.3 19/60 -> 30), P2.2 1 (29/60 -> 30),
        // P2.3 12 (27 -> 30 and 21 -> 30), P2.4 6 (22/56 -> 28). Two bands up costs more (P2.2 to Good: 9 + 10 = 19).
        // Cheapest three points: P2.2 + P2.4 + P2.1 = 1 + 6 + 11 = 18.
        var page = Seed();
        page.ShouldContain("3 more points would reach Requires improvement (6-10)");
        page.ShouldContain("The fewest answers that reach it: <strong>18 No answers turned Yes</strong>");
        page.ShouldContain("<li>P2.1 Assessment to Requires improvement (+1 point): 11 answers</li>");
        page.ShouldContain("<li>P2.2 Planning to Requires improvement (+1 point): 1 answer</li>");
        page.ShouldContain("<li>P2.4 Reviewing to Requires improvement (+1 point): 6 answers</li>");
        page.ShouldNotContain("<li>P2.3 Implementation and delivery to");
    }

    [Test]
    public void Two_bands_on_one_standard_beat_one_band_on_two_when_cheaper()
    {
        // Good, Good, Inadequate = 4 points; 6 reaches Requires improvement, so 2 points are needed.
        // P2.1: 49/100, 70/100, 70/100 is Inadequate; RI needs 1, Good needs 16 (49 -> 65).
        // P2.2-P2.4: 0/100 each: one band up needs 50 on each of three key questions, 150.
        // Cheapest: P2.1 to Good, 16 answers (not P2.1 to RI + another standard to RI, 151).
        var questions = KeyQuestionIds.Select(id => id switch
        {
            "P2.1.1" => (id, 49, 100),
            "P2.1.2" or "P2.1.3" => (id, 70, 100),
            _ => (id, 0, 100),
        }).ToArray();
        var page = Page(Counts("Good", "Good", "Inadequate", questions));
        page.ShouldContain("2 more points would reach Requires improvement (6-10)");
        page.ShouldContain("<strong>16 No answers turned Yes</strong>");
        page.ShouldContain("<li>P2.1 Assessment to Good (+2 points): 16 answers</li>");
    }

    [Test]
    public void Published_percentages_and_the_top_band_say_why_no_number_is_given()
    {
        var page = Page(File.ReadAllText(Seeds.PathOf("nottinghamshire-pdu-2025.json")));
        page.ShouldContain("(published)");
        page.ShouldContain("3/21");

        var top = Page(Counts("Outstanding", "Outstanding", "Outstanding", KeyQuestionIds.Select(id => (id, 9, 10)).ToArray()));
        top.ShouldContain("21/21");
        top.ShouldContain("Already in the top band.");
        top.ShouldNotContain("cheapest-path");
    }
}

/// <summary>WCAG 2 contrast of the page's text colours, computed from the style sheet itself (AA: 4.5:1 for text).</summary>
public class HtmlReportContrastTests
{
    private static readonly Dictionary<string, string> Colours =
        System.Text.RegularExpressions.Regex.Matches(HtmlStyle.Css, "--([A-Za-z]+):(#[0-9a-fA-F]{3,6})")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [TestCase("ink", "paper")]
    [TestCase("muted", "paper")]
    [TestCase("muted", "soft")]
    [TestCase("ink", "soft")]
    [TestCase("Inadequate", "paper")]
    [TestCase("RequiresImprovement", "paper")]
    [TestCase("Good", "paper")]
    [TestCase("Outstanding", "paper")]
    [TestCase("NotRated", "paper")]
    [TestCase("Inadequate", "soft")]
    [TestCase("RequiresImprovement", "soft")]
    [TestCase("Good", "soft")]
    public void Text_colours_meet_AA_on_their_backgrounds(string text, string background)
    {
        Contrast(Colours[text], Colours[background]).ShouldBeGreaterThanOrEqualTo(4.5, $"{text} on {background}");
    }

    [Test]
    public void The_note_box_text_meets_AA()
    {
        HtmlStyle.Css.ShouldContain("background:#fff8ec");
        Contrast(Colours["ink"], "#fff8ec").ShouldBeGreaterThanOrEqualTo(4.5);
    }

    [Test]
    public void Contrast_matches_known_values()
    {
        Contrast("#000000", "#ffffff").ShouldBe(21, 0.01);
        Contrast("#767676", "#ffffff").ShouldBe(4.54, 0.01); // the well-known lightest AA grey on white
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3)
        {
            h = string.Concat(h.Select(c => $"{c}{c}"));
        }

        double Channel(int at)
        {
            var c = Convert.ToInt32(h.Substring(at, 2), 16) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }
}

/// <summary>The seam intervals (R11) will use: an interval source draws a whisker across each bar it covers.</summary>
public class HtmlChartIntervalTests
{
    [Test]
    public void An_interval_is_drawn_as_a_whisker_at_its_percentages()
    {
        var document = FindingsReader.Read(Seeds.Bytes("nottinghamshire-pdu-2025-cases.json"), "seed.json");
        var result = Rater.Rate(document.Input);
        var page = new StringBuilder();
        HtmlChart.Section(page, result, q => q.Id == "P2.1.3" ? new ChartInterval(20, 45) : null);
        var html = page.ToString();

        // The bar runs from x = 4 (0%) to x = 356 (100%): 20% is 4 + 352 * 0.20 = 74.4, 45% is 4 + 352 * 0.45 = 162.4.
        System.Text.RegularExpressions.Regex.Matches(html, "class=\"interval\"").Count.ShouldBe(1);
        html.ShouldContain("<path class=\"interval\" d=\"M74.4 ");
        html.ShouldContain(" H162.4 ");

        var none = new StringBuilder();
        HtmlChart.Section(none, result);
        none.ToString().ShouldNotContain("class=\"interval\"");
    }
}
