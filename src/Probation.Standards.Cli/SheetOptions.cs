using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Probation.Standards.Scoring;
using Probation.Standards.Sheets;

namespace Probation.Standards.Cli;

/// <summary>The options that give what a case sheet cannot hold (findings-format.md, "Case sheets").</summary>
internal sealed class SheetOptions
{
    private readonly Option<string?> unit = new("--unit") { Description = "A sheet's unit name (default: the file name without extension)." };
    private readonly Option<string?> framework = new("--framework") { Description = "A sheet's framework id (default: the one in force on --fieldwork-started, else probation-pdu-2023)." };
    private readonly Option<string?> fieldworkStarted = new("--fieldwork-started") { Description = "A sheet's fieldwork start date, yyyy-mm-dd." };
    private readonly Option<string?> judgements = new("--judgements") { Description = "A sheet's organisational judgements, e.g. P1.1=Good,P1.2=Good,P1.3=RequiresImprovement (default: NotRated)." };
    private readonly Option<string?> dateFormat = new("--date-format") { Description = "How a sheet writes dates: yyyy-mm-dd (default), dd/MM/yyyy or MM/dd/yyyy; never guessed." };
    private readonly Option<string?>? cases;

    public SheetOptions(bool withCases = true)
    {
        this.dateFormat.AcceptOnlyFromAmong("yyyy-mm-dd", "dd/MM/yyyy", "MM/dd/yyyy");
        if (withCases)
        {
            this.cases = new Option<string?>("--cases") { Description = "A case sheet (.csv, .xlsx) or Parquet case table (.parquet) holding the cases of FILE, a findings document without cases." };
        }
    }

    public void AddTo(Command command)
    {
        command.Options.Add(this.unit);
        command.Options.Add(this.framework);
        command.Options.Add(this.fieldworkStarted);
        command.Options.Add(this.judgements);
        command.Options.Add(this.dateFormat);
        if (this.cases is not null)
        {
            command.Options.Add(this.cases);
        }
    }

    public bool TryGet(ParseResult parsed, TextWriter error, out SheetSettings? settings)
    {
        settings = null;
        var ok = true;
        DateTime? started = null;
        if (parsed.GetValue(this.fieldworkStarted) is { } text)
        {
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                started = date;
            }
            else
            {
                error.WriteLine($"error: --fieldwork-started: '{Text.OneLine(text)}' is not a real date written yyyy-mm-dd");
                ok = false;
            }
        }

        List<JudgementRating>? judged = null;
        if (parsed.GetValue(this.judgements) is { } list)
        {
            judged = new List<JudgementRating>();
            foreach (var item in list.Split(','))
            {
                var parts = item.Split('=');
                if (parts.Length != 2 || parts[0].Trim().Length == 0 || !RatingText.TryParseRating(parts[1], out var rating))
                {
                    error.WriteLine($"error: --judgements: '{Text.OneLine(item)}' is not STANDARD=RATING (a rating is Outstanding, Good, RequiresImprovement, Inadequate or NotRated)");
                    ok = false;
                    continue;
                }

                judged.Add(new JudgementRating(parts[0].Trim(), rating));
            }
        }

        if (!ok)
        {
            return false;
        }

        settings = new SheetSettings
        {
            Unit = parsed.GetValue(this.unit),
            FrameworkId = parsed.GetValue(this.framework),
            FieldworkStarted = started,
            Judgements = judged,
            DateFormat = parsed.GetValue(this.dateFormat) switch
            {
                "dd/MM/yyyy" => SheetDateFormat.DayMonthYear,
                "MM/dd/yyyy" => SheetDateFormat.MonthDayYear,
                _ => SheetDateFormat.Iso,
            },
            Cases = this.cases is null ? null : parsed.GetValue(this.cases),
        };
        return true;
    }
}
