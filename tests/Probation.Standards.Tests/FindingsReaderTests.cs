using System.Text;
using System.Text.Json.Nodes;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// findings-format.md, "Bad input": every rejected class gives one <see cref="InvalidInputException"/> naming
/// the file, the JSON path, what was wrong and, for syntax errors, line and column. Also: the reader works in
/// chunks, so a document read a few bytes at a time reads the same as from one array.
/// </summary>
public class FindingsReaderTests
{
    private static InvalidInputException RejectsBytes(byte[] bytes, string file = "bad.json") =>
        Should.Throw<InvalidInputException>(() => FindingsReader.Read(bytes, file));

    private static readonly FindingsReaderOptions KeepCases = new() { KeepCases = true };

    private static JsonObject Doc() => Docs.Aggregate();

    // ---- malformed JSON -------------------------------------------------------------------------

    [Test]
    public void Malformed_json_names_file_line_and_column()
    {
        // Line 3, column 3 is the opening quote of "framework": the comma after "X" is missing.
        var error = Docs.Rejects("{\n  \"unit\": \"X\"\n  \"framework\": \"probation-pdu-2023\"\n}");
        error.File.ShouldBe("bad.json");
        error.Problems[0].Path.ShouldBe("$");
        error.Problems[0].Line.ShouldBe(3);
        error.Problems[0].Column.ShouldBe(3);
        error.Problems[0].Message.ShouldNotBeNullOrWhiteSpace();
        error.Message.ShouldStartWith("bad.json: $: line 3, column 3: ");
        error.Message.ShouldNotContain(" at "); // one line, no stack trace
    }

    [Test]
    public void Malformed_json_inside_a_case_names_the_case()
    {
        // Yes is not quoted: line 3, column 39 is the Y (4 spaces, then {"id": "A", "answers": {"P2.1.1": is 34 characters).
        var text = "{\n  \"cases\": [\n    {\"id\": \"A\", \"answers\": {\"P2.1.1\": Yes}}\n  ]\n}";
        var error = Docs.Rejects(text);
        error.Problems[0].Path.ShouldStartWith("$.cases[0]");
        error.Problems[0].Line.ShouldBe(3);
        error.Problems[0].Column.ShouldBe(39);
    }

    [Test]
    public void Malformed_json_inside_a_top_level_field_names_that_field()
    {
        // A doubled comma inside keyQuestions (line 4, column 18): the path should say where, not just "$".
        var text = "{\n  \"framework\": \"probation-pdu-2023\",\n  \"keyQuestions\": {\n    \"P2.1.1\": 55,,\n    \"P2.1.2\": 60\n  }\n}";
        var error = Docs.Rejects(text);
        error.Problems[0].Line.ShouldBe(4);
        error.Problems[0].Column.ShouldBe(18);
        error.Problems[0].Path.ShouldStartWith("$.keyQuestions");
    }

    [Test]
    public void The_column_of_a_syntax_error_counts_characters_not_bytes()
    {
        // {"unit": "Môn" "framework": ... : the quote opening "framework" is the 16th character
        // (ô is one character, two UTF-8 bytes). A person goes to the column their editor shows.
        var error = Docs.Rejects("{\"unit\": \"Môn\" \"framework\": \"probation-pdu-2023\"}");
        error.Problems[0].Line.ShouldBe(1);
        error.Problems[0].Column.ShouldBe(16);
    }

    [TestCase("{\"unit\": \"X\",}", Description = "trailing comma")]
    [TestCase("{\"unit\": \"X", Description = "unterminated string")]
    [TestCase("{\"unit\": \"X\"", Description = "unterminated object")]
    [TestCase("{\"unit\": 'X'}", Description = "single quotes")]
    [TestCase("{\"unit\": \"X\" /* comment */}", Description = "comments are not JSON")]
    [TestCase("{\"unit\": \"X\"} {}", Description = "two documents")]
    [TestCase("{\"unit\": \"X\"} x", Description = "data after the end")]
    public void Malformed_json_is_rejected_with_a_location(string text)
    {
        var error = Docs.Rejects(text);
        error.Problems[0].Path.ShouldStartWith("$");
        error.Problems[0].Message.ShouldNotBeNullOrWhiteSpace();
        error.Problems[0].Line.ShouldNotBeNull();
        error.Problems[0].Column.ShouldNotBeNull();
    }

    [Test]
    public void Malformed_json_past_the_first_64_KiB_still_names_the_right_line()
    {
        // 3,000 blank lines of 30 spaces (93,000 bytes) push the error past the reader's first chunk.
        var padding = string.Concat(Enumerable.Repeat(new string(' ', 30) + "\n", 3000));
        var text = "{\n  \"unit\": \"X\",\n" + padding + "  \"framework\": \"probation-pdu-2023\"\n  \"organisational\": {}\n}";

        // Line 1 "{", line 2 unit, lines 3-3002 padding, line 3003 framework, line 3004 organisational at column 3.
        var fromBytes = RejectsBytes(Encoding.UTF8.GetBytes(text));
        fromBytes.Problems[0].Line.ShouldBe(3004);
        fromBytes.Problems[0].Column.ShouldBe(3);

        // Pieces of 997 bytes: the line count must survive every refill. (1-7 byte pieces would work too, but the
        // reader rescans an unfinished unit on every refill, which over 93,000 bytes of whitespace takes seconds.)
        var fromSlowStream = Should.Throw<InvalidInputException>(() => FindingsReader.Read(new SlowStream(Encoding.UTF8.GetBytes(text), 997, fixedSize: true), "bad.json"));
        fromSlowStream.Problems[0].Line.ShouldBe(3004);
        fromSlowStream.Problems[0].Column.ShouldBe(3);
        fromSlowStream.Problems[0].Path.ShouldBe(fromBytes.Problems[0].Path);
    }

    [TestCase("", Description = "empty")]
    [TestCase("   \n\t ", Description = "only whitespace")]
    public void Empty_input_is_rejected_cleanly(string text)
    {
        var error = Docs.Rejects(text);
        error.Problems[0].Path.ShouldBe("$");
        error.Problems[0].Message.ShouldNotBeNullOrWhiteSpace();
    }

    [TestCase("[]", Description = "an array")]
    [TestCase("null", Description = "null")]
    [TestCase("\"findings\"", Description = "a string")]
    [TestCase("42", Description = "a number")]
    public void A_document_that_is_not_an_object_is_rejected(string text)
    {
        var error = Docs.Rejects(text);
        error.Problems[0].Path.ShouldBe("$");
        error.Problems[0].Message.ShouldContain("object");
    }

    // ---- depth --------------------------------------------------------------------------------

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    [TestCase("{\"unit\": ", "}", Description = "in a top-level field")]
    [TestCase("{\"keyQuestions\": {\"P2.1.1\": ", "}}", Description = "as a key-question result")]
    [TestCase("{\"cases\": [", "]}", Description = "as a case")]
    [TestCase("{\"cases\": [{\"id\": \"A\", \"answers\": ", "}]}", Description = "as a case's answers")]
    [TestCase("{\"expected\": {\"standards\": {\"P2.1\": ", "}}}", Description = "in the expected block")]
    [TestCase("", "", Description = "as the whole document")]
    public void Json_nested_100000_levels_deep_is_a_clean_error(string before, string after)
    {
        var text = before + Nested(100_000) + after;
        var error = Docs.Rejects(text);
        error.Problems[0].Path.ShouldStartWith("$");
        error.Problems[0].Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public void Json_nested_100000_levels_deep_says_the_nesting_is_too_deep()
    {
        var error = Docs.Rejects("{\"unit\": " + Nested(100_000) + "}");
        error.Problems[0].Message.ShouldContain("depth");
    }

    [Test]
    public void Json_nested_100000_objects_deep_in_expected_is_a_clean_error()
    {
        var text = "{\"expected\": " + string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000) + "}";
        Docs.Rejects(text).Problems[0].Path.ShouldStartWith("$");
    }

    // ---- framework and ids ---------------------------------------------------------------------

    [Test]
    public void Unknown_framework_is_rejected_and_the_known_ones_listed()
    {
        var doc = Doc();
        doc["framework"] = "probation-pdu-2099";
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.framework");
        error.Problems[0].Message.ShouldContain("probation-pdu-2099");
        error.Problems[0].Message.ShouldContain("probation-pdu-2023");
    }

    [Test]
    public void Unknown_organisational_standard_is_rejected()
    {
        var doc = Doc();
        doc["organisational"]!["P1.9"] = "Good";
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.organisational['P1.9']");
        error.Problems[0].Message.ShouldContain("P1.9");
    }

    [Test]
    public void A_case_standard_given_as_a_judgement_is_rejected()
    {
        var doc = Doc();
        doc["organisational"]!["P2.1"] = "Good";
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.organisational['P2.1']");
        error.Problems[0].Message.ShouldContain("P2.1");
    }

    [Test]
    public void Unknown_key_question_in_keyQuestions_is_rejected()
    {
        var doc = Doc();
        doc["keyQuestions"]!["P2.1.9"] = 50;
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.keyQuestions['P2.1.9']");
        error.Problems[0].Message.ShouldContain("P2.1.9");
    }

    [Test]
    public void A_standard_id_used_as_a_key_question_is_rejected_with_a_hint()
    {
        var doc = Doc();
        doc["keyQuestions"]!["P2.1"] = 50;
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.keyQuestions['P2.1']");
        error.Problems[0].Message.ShouldContain("P2.1.1");
    }

    [Test]
    public void Unknown_key_question_in_case_answers_is_rejected()
    {
        var error = Docs.Rejects(Doc().WithCases(Docs.Case("A", "P2.1.1=Yes"), Docs.Case("B", "P2.5.1=Yes")));
        error.Problems[0].Path.ShouldBe("$.cases[1].answers['P2.5.1']");
        error.Problems[0].Message.ShouldContain("P2.5.1");
    }

    [Test]
    public void Unknown_standard_in_overrides_is_rejected()
    {
        var error = Docs.Rejects(Doc().WithOverride("P2.9", "Good", "because"));
        error.Problems[0].Path.ShouldBe("$.overrides['P2.9']");
        error.Problems[0].Message.ShouldContain("P2.9");
    }

    // ---- values outside their lists ------------------------------------------------------------

    [TestCase("Great")]
    [TestCase("3")]
    [TestCase("")]
    public void A_rating_outside_the_list_is_rejected(string rating)
    {
        var doc = Doc();
        doc["organisational"]!["P1.1"] = rating;
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.organisational['P1.1']");
        error.Problems[0].Message.ShouldContain("'" + rating + "'");
        error.Problems[0].Message.ShouldContain("Outstanding");
    }

    [Test]
    public void A_rating_that_is_a_number_is_rejected()
    {
        var doc = Doc();
        doc["organisational"]!["P1.1"] = 3;
        Docs.Rejects(doc).Problems[0].Path.ShouldBe("$.organisational['P1.1']");
    }

    [Test]
    public void An_override_rating_outside_the_list_is_rejected()
    {
        var error = Docs.Rejects(Doc().WithOverride("P2.1", "Brilliant", "because"));
        error.Problems[0].Path.ShouldBe("$.overrides['P2.1'].rating");
        error.Problems[0].Message.ShouldContain("Brilliant");
    }

    [TestCase("Maybe")]
    [TestCase("Y")]
    [TestCase("NA")]
    public void An_answer_outside_the_list_is_rejected(string answer)
    {
        var error = Docs.Rejects(Doc().WithCases(Docs.Case("A", "P2.1.1=" + answer)));
        error.Problems[0].Path.ShouldBe("$.cases[0].answers['P2.1.1']");
        error.Problems[0].Message.ShouldContain(answer);
    }

    [Test]
    public void An_answer_that_is_not_a_string_is_rejected()
    {
        var c = Docs.Case("A", "P2.1.1=Yes");
        c["answers"]!["P2.1.1"] = true;
        Docs.Rejects(Doc().WithCases(c)).Problems[0].Path.ShouldBe("$.cases[0].answers['P2.1.1']");
    }

    [TestCase("Probation")]
    [TestCase("CommunityService")]
    [TestCase("0", Description = "an enum number is not a name")]
    public void A_sentence_outside_the_list_is_rejected(string sentence)
    {
        var error = Docs.Rejects(Doc().WithCases(Docs.Case("A", "P2.1.1=Yes", sentence: sentence)));
        error.Problems[0].Path.ShouldBe("$.cases[0].sentence");
        error.Problems[0].Message.ShouldContain(sentence);
        error.Problems[0].Message.ShouldContain("CommunityOrder");
    }

    [TestCase("Mapa")]
    [TestCase("HighRisk")]
    [TestCase("4", Description = "an enum number is not a name")]
    public void An_exemption_outside_the_list_is_rejected(string exemption)
    {
        var error = Docs.Rejects(Doc().WithCases(Docs.Case("A", "P2.1.1=Yes", exemption: exemption)));
        error.Problems[0].Path.ShouldBe("$.cases[0].exemption");
        error.Problems[0].Message.ShouldContain(exemption);
        error.Problems[0].Message.ShouldContain("Mappa");
    }

    [Test]
    public void Sentence_and_exemption_are_read_case_insensitively_with_spaces()
    {
        var document = Docs.Read(Doc().WithCases(Docs.Case("A", "P2.1.1=Yes", sentence: "suspended sentence order", exemption: "child protection")), keepCases: true);
        document.Cases[0].Sentence.ShouldBe(SentenceType.SuspendedSentenceOrder);
        document.Cases[0].Exemption.ShouldBe(Exemption.ChildProtection);
    }

    // ---- percentages and counts -----------------------------------------------------------------

    [Test]
    public void A_percentage_over_100_is_rejected_with_the_message_of_the_format()
    {
        var doc = Doc();
        doc["keyQuestions"]!["P2.1.1"] = 140;
        var error = Should.Throw<InvalidInputException>(() => FindingsReader.Read(Docs.Bytes(doc), "pdu.json"));
        // The format's shape, file: path: problem, with the line and column between path and problem.
        error.Message.ShouldStartWith("pdu.json: $.keyQuestions['P2.1.1']: line ");
        error.Message.ShouldEndWith(": percentage 140 is outside 0-100");
        error.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCode.PercentageOutOfRange);
    }

    [TestCase("-1")]
    [TestCase("-0.01")]
    [TestCase("100.01")]
    [TestCase("1e3")]
    [TestCase("100.00000000000000000000000000001", Description = "above 100 by less than a decimal can hold")]
    [TestCase("-0.000000000000000000000000000000001", Description = "below 0 by less than a decimal can hold")]
    public void A_percentage_outside_0_to_100_is_rejected(string percent)
    {
        var error = RejectsBytes(WithRawKeyQuestion("P2.2.3", percent));
        error.Problems[0].Path.ShouldBe("$.keyQuestions['P2.2.3']");
        error.Problems[0].Message.ShouldContain("outside 0-100");
    }

    [TestCase("\"55\"", Description = "a string")]
    [TestCase("\"55%\"", Description = "a string with a percent sign")]
    [TestCase("true", Description = "a boolean")]
    [TestCase("null", Description = "null")]
    [TestCase("[55]", Description = "an array")]
    public void A_percentage_that_is_not_a_number_is_rejected(string value)
    {
        var error = RejectsBytes(WithRawKeyQuestion("P2.2.3", value));
        error.Problems[0].Path.ShouldBe("$.keyQuestions['P2.2.3']");
        error.Problems[0].Message.ShouldContain("not a number");
    }

    [TestCase("{\"yes\": -1, \"relevant\": 10}", "$.keyQuestions['P2.1.1'].yes", Description = "negative yes")]
    [TestCase("{\"yes\": 0, \"relevant\": -10}", "$.keyQuestions['P2.1.1'].relevant", Description = "negative relevant")]
    public void Negative_counts_are_rejected(string counts, string path)
    {
        var error = RejectsBytes(WithRawKeyQuestion("P2.1.1", counts));
        error.Problems[0].Path.ShouldBe(path);
        error.Problems[0].Message.ShouldContain("negative");
    }

    [TestCase("{\"yes\": 1.5, \"relevant\": 10}", "$.keyQuestions['P2.1.1'].yes", Description = "a fraction of a case")]
    [TestCase("{\"yes\": \"5\", \"relevant\": 10}", "$.keyQuestions['P2.1.1'].yes", Description = "a string count")]
    [TestCase("{\"relevant\": 10}", "$.keyQuestions['P2.1.1'].yes", Description = "yes missing")]
    [TestCase("{\"yes\": 5}", "$.keyQuestions['P2.1.1'].relevant", Description = "relevant missing")]
    [TestCase("{\"yes\": 5, \"relevant\": 10, \"no\": 5}", "$.keyQuestions['P2.1.1'].no", Description = "an unknown field")]
    public void Malformed_counts_are_rejected(string counts, string path)
    {
        RejectsBytes(WithRawKeyQuestion("P2.1.1", counts)).Problems[0].Path.ShouldBe(path);
    }

    [Test]
    public void Yes_more_than_relevant_is_rejected()
    {
        var error = Docs.Rejects(Doc().WithCounts("P2.4.2", 11, 10));
        error.Problems[0].Path.ShouldBe("$.keyQuestions['P2.4.2']");
        error.Problems[0].Message.ShouldContain("11");
        error.Problems[0].Message.ShouldContain("10");
    }

    // ---- one place per key question -------------------------------------------------------------

    [Test]
    public void A_key_question_given_in_both_places_is_rejected()
    {
        var doc = Doc().WithCases(Docs.Case("A", "P2.1.1=Yes"));
        doc["keyQuestions"]!["P2.1.1"] = 55;
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.keyQuestions['P2.1.1']");
        error.Problems[0].Message.ShouldContain("P2.1.1");
    }

    [Test]
    public void A_key_question_answered_NotApplicable_in_cases_counts_as_given_in_cases()
    {
        // findings-format.md: "a key question is given in cases when at least one case answers it, NotApplicable included".
        var doc = Doc().WithCases(Docs.Case("A", "P2.1.1=NotApplicable"));
        doc["keyQuestions"]!["P2.1.1"] = 55;
        Docs.Rejects(doc).Problems[0].Path.ShouldBe("$.keyQuestions['P2.1.1']");
    }

    [Test]
    public void A_key_question_given_in_neither_place_is_rejected()
    {
        var doc = Doc();
        doc["keyQuestions"]!.AsObject().Remove("P2.3.2");
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldStartWith("$.keyQuestions");
        error.Problems[0].Message.ShouldContain("P2.3.2");
    }

    [Test]
    public void A_document_with_no_results_at_all_is_rejected()
    {
        var doc = Doc();
        doc.Remove("keyQuestions");
        doc["cases"] = new JsonArray();
        Docs.Rejects(doc).Problems[0].Message.ShouldContain("P2.1.1");
    }

    // ---- cases ----------------------------------------------------------------------------------

    [Test]
    public void Duplicate_case_ids_are_rejected()
    {
        var error = Docs.Rejects(Doc().WithCases(Docs.Case("A", "P2.1.1=Yes"), Docs.Case("B", "P2.1.1=No"), Docs.Case("A", "P2.1.1=No")));
        error.Problems[0].Path.ShouldBe("$.cases[2].id");
        error.Problems[0].Message.ShouldContain("'A'");
    }

    [Test]
    public void Suspended_before_start_is_rejected()
    {
        var error = Docs.Rejects(Doc().WithCases(Docs.Case("A", "P2.1.1=Yes", start: "2024-09-02", suspended: "2024-09-01")));
        error.Problems[0].Path.ShouldBe("$.cases[0].suspended");
    }

    [Test]
    public void A_case_without_an_id_is_rejected()
    {
        var c = Docs.Case("A", "P2.1.1=Yes");
        c.Remove("id");
        Docs.Rejects(Doc().WithCases(c)).Problems[0].Path.ShouldBe("$.cases[0].id");
    }

    [Test]
    public void An_unknown_field_in_a_case_is_rejected()
    {
        var c = Docs.Case("A", "P2.1.1=Yes");
        c["colour"] = "blue";
        var error = Docs.Rejects(Doc().WithCases(c));
        error.Problems[0].Path.ShouldBe("$.cases[0].colour");
        error.Problems[0].Message.ShouldContain("colour");
    }

    [TestCase("2024-13-01")]
    [TestCase("02/09/2024")]
    [TestCase("2024-9-2")]
    public void A_date_that_is_not_iso_is_rejected(string date)
    {
        var error = Docs.Rejects(Doc().WithCases(Docs.Case("A", "P2.1.1=Yes", start: date)));
        error.Problems[0].Path.ShouldBe("$.cases[0].start");
        error.Problems[0].Message.ShouldContain(date);
    }

    // ---- overrides ------------------------------------------------------------------------------

    [Test]
    public void An_override_without_a_reason_is_rejected()
    {
        var error = Docs.Rejects(Doc().WithOverride("P2.2", "Good", null));
        error.Problems[0].Path.ShouldBe("$.overrides['P2.2'].reason");
        error.Problems[0].Message.ShouldContain("reason");
    }

    [Test]
    public void An_override_on_a_judgement_standard_is_rejected()
    {
        var error = Docs.Rejects(Doc().WithOverride("P1.3", "Good", "because"));
        error.Problems[0].Path.ShouldBe("$.overrides['P1.3']");
        error.Problems[0].Message.ShouldContain("judgement");
    }

    // ---- top level ------------------------------------------------------------------------------

    [Test]
    public void An_unknown_top_level_field_is_rejected()
    {
        var doc = Doc();
        doc["colour"] = "blue";
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.colour");
        error.Problems[0].Message.ShouldContain("colour");
    }

    [Test]
    public void A_top_level_field_given_twice_is_rejected()
    {
        var text = Doc().ToJsonString().Replace("\"unit\":\"Test PDU\"", "\"unit\":\"Test PDU\",\"unit\":\"Other PDU\"", StringComparison.Ordinal);
        var error = Docs.Rejects(text);
        error.Problems[0].Path.ShouldBe("$.unit");
    }

    [TestCase(null, Description = "missing")]
    [TestCase("  ", Description = "blank")]
    public void A_document_without_a_unit_is_rejected(string? unit)
    {
        var doc = Doc();
        if (unit is null)
        {
            doc.Remove("unit");
        }
        else
        {
            doc["unit"] = unit;
        }

        Docs.Rejects(doc).Problems[0].Path.ShouldBe("$.unit");
    }

    [Test]
    public void A_bad_fieldworkStarted_date_is_rejected()
    {
        var doc = Doc();
        doc["fieldworkStarted"] = "10 March 2025";
        Docs.Rejects(doc).Problems[0].Path.ShouldBe("$.fieldworkStarted");
    }

    [Test]
    public void The_error_names_the_file_it_was_given()
    {
        var doc = Doc();
        doc["colour"] = "blue";
        var error = Should.Throw<InvalidInputException>(() => FindingsReader.Read(Docs.Bytes(doc), "east-midlands/notts.json"));
        error.File.ShouldBe("east-midlands/notts.json");
        error.Message.ShouldStartWith("east-midlands/notts.json: $.colour: ");
    }

    [Test]
    public void A_valid_document_reads_whole()
    {
        var document = Docs.Read(Doc().WithCases(Docs.Case("A", "P2.1.1=Yes P2.1.2=No"), Docs.Case("B", "P2.1.1=No")), keepCases: true);
        document.Unit.ShouldBe("Test PDU");
        document.Framework.Id.ShouldBe("probation-pdu-2023");
        document.FieldworkStarted.ShouldBe(new DateTime(2024, 11, 4));
        document.Input.Judgements.Select(o => (o.StandardId, o.Rating)).ShouldBe(new[] { ("P1.1", Rating.Good), ("P1.2", Rating.Good), ("P1.3", Rating.Good) });
        Docs.KeyQuestionIds.Skip(2).ShouldAllBe(id => document.Input.Tallies.IsGiven(id) || document.Input.Published.Any(p => p.KeyQuestionId == id));
        document.Cases.Select(c => c.Id).ShouldBe(new[] { "A", "B" });
        document.Cases[0].Answers.Take(3).ShouldBe(new[] { Answer.Yes, Answer.No, Answer.NotApplicable });
        document.Cases[0].Start.ShouldBe(new DateTime(2024, 9, 2));
        document.Cases[0].Suspended.ShouldBeNull();
    }

    [Test]
    public void Top_level_fields_may_come_in_any_order()
    {
        // Cases first, the framework last: the document is the same as in the usual order.
        var usual = Doc().WithCases(Docs.Case("A", "P2.1.1=Yes"), Docs.Case("B", "P2.1.1=No"));
        var reversed = new JsonObject();
        foreach (var pair in usual.Reverse().ToList())
        {
            reversed[pair.Key] = pair.Value!.DeepClone();
        }

        reversed.First().Key.ShouldBe("cases");
        Docs.Read(reversed, keepCases: true).ShouldBe(Docs.Read(usual, keepCases: true));
    }

    // ---- chunked reading ------------------------------------------------------------------------

    public static IEnumerable<TestCaseData> SeedFiles() =>
        ConformanceVectorTests.Vectors().Select(v => new TestCaseData(v.Arguments[0]).SetName("Read_in_1_to_7_byte_pieces_equals_read_whole(" + v.TestName + ")"));

    [TestCaseSource(nameof(SeedFiles))]
    public void Read_in_1_to_7_byte_pieces_equals_read_whole(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var whole = FindingsReader.Read(bytes, "doc.json", KeepCases);
        var stream = new SlowStream(bytes, seed: bytes.Length);
        var pieces = FindingsReader.Read(stream, "doc.json", KeepCases);

        stream.Reads.ShouldBeGreaterThan(bytes.Length / 7);
        pieces.ShouldBe(whole);
        Rater.Rate(pieces.Input).ShouldBe(Rater.Rate(whole.Input));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void Read_in_fixed_small_pieces_equals_read_whole(int size)
    {
        var bytes = Seeds.Bytes("nottinghamshire-pdu-2025-cases.json");
        var whole = FindingsReader.Read(bytes, "doc.json", KeepCases);
        FindingsReader.Read(new SlowStream(bytes, size, fixedSize: true), "doc.json", KeepCases).ShouldBe(whole);
    }

    [Test]
    public void A_document_larger_than_the_reader_buffer_reads_the_same_in_small_pieces()
    {
        // 600 cases of about 280 bytes each: about 170 KB, more than twice the reader's 64 KiB buffer.
        var cases = Enumerable.Range(0, 600)
            .Select(i => Docs.Case($"C{i:D4}", Docs.All(i % 3 == 0 ? "No" : "Yes"), start: "2024-07-22", suspended: i % 10 == 0 ? "2024-08-30" : null))
            .ToArray();
        var bytes = Docs.Bytes(Docs.Aggregate().WithCases(cases));
        bytes.Length.ShouldBeGreaterThan(2 * 64 * 1024);

        var whole = FindingsReader.Read(bytes, "big.json", KeepCases);
        var pieces = FindingsReader.Read(new SlowStream(bytes, seed: 42), "big.json", KeepCases);
        pieces.ShouldBe(whole);

        // 200 of 600 cases (i divisible by 3) answer No: every key question is 400/600 = 66.7%, Good.
        // 60 cases (i divisible by 10) were suspended 39 days after the start: adjusted.
        var result = Rater.Rate(pieces.Input);
        result.Outcome("P2.2.2").Tally.ShouldBe(new KeyQuestionTally(400, 600));
        result.Cases!.Value.Inspected.ShouldBe(600);
        result.Cases!.Value.Adjusted.ShouldBe(60);
        result.Standards.Skip(3).ShouldAllBe(s => s.Rating == Rating.Good);
    }

    [Test]
    public void An_error_found_in_small_pieces_is_the_same_error()
    {
        var doc = Doc().WithCases(Docs.Case("A", "P2.1.1=Yes"), Docs.Case("B", "P2.1.1=Sometimes"));
        var bytes = Docs.Bytes(doc);
        var whole = RejectsBytes(bytes);
        var pieces = Should.Throw<InvalidInputException>(() => FindingsReader.Read(new SlowStream(bytes, seed: 3), "bad.json"));
        pieces.Problems[0].Path.ShouldBe(whole.Problems[0].Path);
        pieces.Problems[0].Message.ShouldBe(whole.Problems[0].Message);
        whole.Problems[0].Path.ShouldBe("$.cases[1].answers['P2.1.1']");
    }

    [Test]
    public void A_utf8_byte_order_mark_is_accepted_from_an_array()
    {
        var bytes = WithBom(Seeds.Bytes("nottinghamshire-pdu-2025.json"));
        FindingsReader.Read(bytes, "bom.json").Unit.ShouldBe("Nottinghamshire PDU");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void A_utf8_byte_order_mark_is_accepted_in_small_pieces(int size)
    {
        var bytes = WithBom(Seeds.Bytes("nottinghamshire-pdu-2025.json"));
        var whole = FindingsReader.Read(bytes, "bom.json");
        FindingsReader.Read(new SlowStream(bytes, size, fixedSize: true), "bom.json").ShouldBe(whole);
    }

    [Test]
    public void Non_ascii_text_split_across_pieces_reads_the_same()
    {
        // A multi-byte UTF-8 unit name, read one byte at a time, must come back intact.
        var doc = Doc();
        doc["unit"] = "Ynys Môn – Gwynedd PDU ✓";
        var bytes = Docs.Bytes(doc);
        FindingsReader.Read(new SlowStream(bytes, 1, fixedSize: true), "cy.json").Unit.ShouldBe("Ynys Môn – Gwynedd PDU ✓");
    }

    private static byte[] WithBom(byte[] bytes) => new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();

    private static byte[] WithRawKeyQuestion(string id, string rawValue)
    {
        var text = Doc().ToJsonString();
        var counts = "\"" + id + "\":{\"yes\":90,\"relevant\":100}";
        text.ShouldContain(counts);
        return Encoding.UTF8.GetBytes(text.Replace(counts, "\"" + id + "\":" + rawValue, StringComparison.Ordinal));
    }
}
