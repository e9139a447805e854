using System.Text.Json.Nodes;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Probation.Standards.Cli.Tests;

/// <summary>
/// <c>report</c> through the real tool, and its page checked in headless Chromium: the DOM the browser builds
/// shows the numbers <c>rate --format json</c> prints, text from the document stays text, the page requests
/// nothing, and it renders at 1280 and 390 pixels wide and prints to PDF.
/// </summary>
public class ReportTests
{
    private static string SeedPath => Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025-cases.json");

    private static string TempDir() => Directory.CreateTempSubdirectory("report-test-").FullName;

    private static string Report(string input, string dir)
    {
        var html = Path.Combine(dir, "r.html");
        var (exit, output, error) = Tool.Run("report", input, "-o", html);
        error.ShouldBeEmpty();
        exit.ShouldBe(0);
        output.Trim().ShouldBe($"wrote {html}");
        return html;
    }

    [Test]
    public void The_seed_page_in_Chromium_shows_the_numbers_rate_json_prints()
    {
        Browser.Require();
        var dir = TempDir();
        var html = Report(SeedPath, dir);
        var (exit, json, _) = Tool.Run("rate", SeedPath, "--format", "json");
        exit.ShouldBe(0);
        using var rated = JsonDocument.Parse(json);
        var root = rated.RootElement;

        var dom = Browser.DumpDom(html);

        // By hand (the published report): 3/21, Inadequate; and the same from the JSON.
        root.GetProperty("score").GetInt32().ShouldBe(3);
        Text(Element(dom, "score")).ShouldBe($"Score {root.GetProperty("score").GetInt32()}/{root.GetProperty("maxScore").GetInt32()}");
        Text(Element(dom, "score")).ShouldBe("Score 3/21");
        Text(Element(dom, "overall")).ShouldBe("Overall rating " + Display(root.GetProperty("overall").GetString()!));
        Text(Element(dom, "overall")).ShouldBe("Overall rating Inadequate");
        Text(Element(dom, "unit")).ShouldBe(root.GetProperty("unit").GetString());

        var seen = new List<string>();
        foreach (var standard in root.GetProperty("standards").EnumerateArray())
        {
            var id = standard.GetProperty("id").GetString()!;
            Text(Element(dom, "standard-" + id)).ShouldContain(Display(standard.GetProperty("rating").GetString()!), Case.Sensitive, id);
            if (!standard.TryGetProperty("keyQuestions", out var questions))
            {
                continue;
            }

            foreach (var question in questions.EnumerateArray())
            {
                var qid = question.GetProperty("id").GetString()!;
                seen.Add(qid);
                var row = Element(dom, "kq-" + qid);
                var percent = Regex.Match(row, "<td class=\"num pct\">([0-9.]+)%</td>");
                percent.Success.ShouldBeTrue(row);
                decimal.Parse(percent.Groups[1].Value, CultureInfo.InvariantCulture).ShouldBe(question.GetProperty("percent").GetDecimal(), qid);
                Regex.Match(row, "<td class=\"num counts\">([^<]*)</td>").Groups[1].Value
                    .ShouldBe($"{question.GetProperty("yes").GetInt64()}/{question.GetProperty("relevant").GetInt64()}", qid);
                Text(row).ShouldEndWith(Display(question.GetProperty("band").GetString()!), Case.Sensitive, qid);

                // the chart shows the same percentage beside the same key question
                var bar = Regex.Match(dom, "<g class=\"kq [^\"]*\" data-kq=\"" + Regex.Escape(qid) + "\">(.*?)</g>\\s*</g>", RegexOptions.Singleline);
                bar.Success.ShouldBeTrue(qid);
                Text(bar.Groups[1].Value).ShouldContain(percent.Groups[1].Value + "% · " + Display(question.GetProperty("band").GetString()!));
            }
        }

        seen.Count.ShouldBe(12);
        Regex.Matches(dom, "<tr id=\"kq-").Count.ShouldBe(12);
        dom.ShouldContain("31.67%"); // P2.1.3: 19/60 by hand
        Regex.IsMatch(dom, "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"").ShouldBeTrue();
        dom.ShouldNotContain("<script", Case.Insensitive);
        Text(Element(dom, "unverified")).ShouldContain("the band edges 50/65/80 (R4)");
        Text(dom).ShouldContain("60 inspected, 12 subject to Reset, 7 adjusted");
    }

    [Test]
    public void The_page_makes_no_external_request()
    {
        var html = File.ReadAllText(Report(SeedPath, TempDir()));
        Regex.IsMatch(html, "(?:src|href|action|xlink:href)\\s*=\\s*[\"']?\\s*(?:[a-z][a-z0-9+.-]*:|//)", RegexOptions.IgnoreCase).ShouldBeFalse("no src or href leaves the page");
        html.ShouldNotContain("http:", Case.Insensitive);
        html.ShouldNotContain("https:", Case.Insensitive);
        Regex.IsMatch(html, "<script\\b", RegexOptions.IgnoreCase).ShouldBeFalse("no script at all");
        html.ShouldContain("<svg");
        html.ShouldContain("default-src 'none'");
    }

    [Test]
    public void A_unit_named_script_renders_as_text_in_Chromium()
    {
        Browser.Require();
        var dir = TempDir();
        var input = Path.Combine(dir, "xss.json");
        File.WriteAllText(input, File.ReadAllText(SeedPath)
            .Replace("\"unit\": \"Nottinghamshire PDU (case-level reconstruction)\"", "\"unit\": \"<script>alert(1)</script>\"", StringComparison.Ordinal)
            .Replace("\"id\": \"C004\"", "\"id\": \"<img src=x onerror=alert(2)>\"", StringComparison.Ordinal));
        var html = Report(input, dir);
        var dom = Browser.DumpDom(html);

        Text(Element(dom, "unit")).ShouldBe("<script>alert(1)</script>");
        Regex.IsMatch(dom, "<script\\b", RegexOptions.IgnoreCase).ShouldBeFalse("the browser built no script element");
        Regex.IsMatch(dom, "<img\\b", RegexOptions.IgnoreCase).ShouldBeFalse("nor an image");
        Text(dom).ShouldContain("<img src=x onerror=alert(2)>");
        Text(Element(dom, "score")).ShouldBe("Score 3/21");
    }

    [TestCase(1280, 3900)]
    [TestCase(390, 5200)]
    public void The_seed_page_renders_at_phone_and_desktop_widths(int width, int height)
    {
        Browser.Require();
        var dir = TempDir();
        var html = Report(SeedPath, dir);
        var png = Path.Combine(dir, $"report-{width}.png");
        Browser.Screenshot(html, png, width, height);
        var bytes = File.ReadAllBytes(png);
        bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        BigEndian(bytes, 16).ShouldBe(width);
        BigEndian(bytes, 20).ShouldBe(height);
        TestContext.AddTestAttachment(png);
    }

    [Test]
    public void The_page_prints_to_an_A4_PDF()
    {
        Browser.Require();
        var dir = TempDir();
        var pdf = Path.Combine(dir, "report.pdf");
        Browser.PrintToPdf(Report(SeedPath, dir), pdf);
        var bytes = File.ReadAllBytes(pdf);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        // A4 is 595 x 842 points; Chromium writes the page box uncompressed.
        Regex.IsMatch(text, "/MediaBox\\s*\\[\\s*0\\s+0\\s+59[45](\\.\\d+)?\\s+84[12](\\.\\d+)?\\s*\\]").ShouldBeTrue("an A4 page box");
    }

    [Test]
    public void Without_o_the_page_is_written_beside_the_document()
    {
        var dir = TempDir();
        var input = Path.Combine(dir, "pdu.json");
        File.Copy(SeedPath, input);
        var (exit, output, error) = Tool.Run("report", input);
        exit.ShouldBe(0, error);
        var html = Path.Combine(dir, "pdu.html");
        output.Trim().ShouldBe($"wrote {html}");
        File.ReadAllText(html).ShouldStartWith("<!DOCTYPE html>");
    }

    [Test]
    public void O_dash_writes_the_page_to_standard_output()
    {
        var (exit, output, error) = Tool.Run("report", SeedPath, "-o", "-");
        exit.ShouldBe(0, error);
        output.ShouldStartWith("<!DOCTYPE html>");
        output.ShouldContain("\n<main>\n");
        output.TrimEnd().ShouldEndWith("</html>");
    }

    [Test]
    public void By_adds_a_league_table_with_every_group_and_the_whole()
    {
        var dir = TempDir();
        var doc = JsonNode.Parse(File.ReadAllText(SeedPath))!.AsObject();
        var teams = new[] { "North", "South", "<b>East</b>" };
        var cases = doc["cases"]!.AsArray();
        for (var i = 0; i < cases.Count; i++)
        {
            cases[i]!["tags"] = new JsonObject { ["team"] = teams[i % 3] };
        }

        doc.Remove("expected");
        var input = Path.Combine(dir, "tagged.json");
        File.WriteAllText(input, doc.ToJsonString());
        var html = Path.Combine(dir, "r.html");

        var (exit, _, error) = Tool.Run("report", input, "--by", "team", "-o", html);

        exit.ShouldBe(0, error);
        var page = File.ReadAllText(html);
        var rows = System.Text.RegularExpressions.Regex.Matches(page, "<tr class=\"(group|all)\"><th scope=\"row\">([^<]*)</th>").Select(m => m.Groups[2].Value).ToList();
        rows.ShouldBe(new[] { "&lt;b&gt;East&lt;/b&gt;", "North", "South", "all" }, ignoreOrder: true);
        page.ShouldNotContain("<b>East</b>");
    }

    [Test]
    public void By_on_aggregate_results_is_bad_input_and_writes_nothing()
    {
        var dir = TempDir();
        var html = Path.Combine(dir, "r.html");
        var aggregate = Path.Combine(Path.GetDirectoryName(SeedPath)!, "nottinghamshire-pdu-2025.json");
        var (exit, output, error) = Tool.Run("report", aggregate, "--by", "team", "-o", html);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("--by needs case-level answers");
        File.Exists(html).ShouldBeFalse();
    }

    [Test]
    public void Bad_input_writes_no_page()
    {
        var dir = TempDir();
        var input = Path.Combine(dir, "bad.json");
        File.WriteAllText(input, File.ReadAllText(SeedPath).Replace("\"P1.1\": \"RequiresImprovement\"", "\"P1.1\": \"Excellent\"", StringComparison.Ordinal));
        var html = Path.Combine(dir, "r.html");
        var (exit, output, error) = Tool.Run("report", input, "-o", html);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldStartWith($"error: {input}: $.organisational['P1.1']:");
        error.ShouldNotContain("   at ");
        File.Exists(html).ShouldBeFalse();
    }

    [Test]
    public void The_report_never_overwrites_its_input()
    {
        var dir = TempDir();
        var input = Path.Combine(dir, "pdu.json");
        File.Copy(SeedPath, input);
        var (exit, _, error) = Tool.Run("report", input, "-o", input);
        exit.ShouldBe(2);
        error.ShouldContain("would overwrite its own input");
        File.ReadAllText(input).ShouldBe(File.ReadAllText(SeedPath));
    }

    // "RequiresImprovement" as the page writes it: "Requires improvement".
    private static string Display(string rating) => Regex.Replace(rating, "(?<=[a-z])([A-Z])", m => " " + m.Value.ToLowerInvariant());

    private static string Element(string dom, string id)
    {
        var match = Regex.Match(dom, "<(\\w+)\\b[^>]*\\bid=\"" + Regex.Escape(id) + "\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"no element #{id} in the DOM");
        return match.Groups[2].Value;
    }

    // The text a person sees: tags dropped, entities decoded, white space collapsed.
    private static string Text(string markup)
    {
        var noStyle = Regex.Replace(markup, "<style\\b.*?</style>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        var noTags = Regex.Replace(noStyle, "<[^>]+>", " ");
        var spaced = Regex.Replace(WebUtility.HtmlDecode(noTags), "\\s+", " ").Trim();
        return Regex.Replace(spaced, " (?=[/%])|(?<=/) ", string.Empty);
    }

    private static int BigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}
