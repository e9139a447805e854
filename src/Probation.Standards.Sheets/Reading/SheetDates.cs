using System;

namespace Probation.Standards.Sheets.Reading;

/// <summary>Dates written as text in a sheet: <c>yyyy-mm-dd</c>, or the day- or month-first form the options name (never guessed).</summary>
internal static class SheetDates
{
    public static string FormatName(SheetDateFormat format) => format switch
    {
        SheetDateFormat.DayMonthYear => "dd/MM/yyyy",
        SheetDateFormat.MonthDayYear => "MM/dd/yyyy",
        _ => "yyyy-mm-dd",
    };

    public static bool TryParse(ReadOnlySpan<char> text, SheetDateFormat format, out DateTime date)
    {
        date = default;
        int year, month, day;
        if (format == SheetDateFormat.Iso)
        {
            if (text.Length != 10 || text[4] != '-' || text[7] != '-'
                || !TryDigits(text.Slice(0, 4), out year) || !TryDigits(text.Slice(5, 2), out month) || !TryDigits(text.Slice(8, 2), out day))
            {
                return false;
            }
        }
        else
        {
            var first = text.IndexOf('/');
            if (first < 1)
            {
                return false;
            }

            var rest = text.Slice(first + 1);
            var second = rest.IndexOf('/');
            if (second < 1 || first > 2 || second > 2 || rest.Length - second - 1 != 4
                || !TryDigits(text.Slice(0, first), out var a) || !TryDigits(rest.Slice(0, second), out var b) || !TryDigits(rest.Slice(second + 1), out year))
            {
                return false;
            }

            (day, month) = format == SheetDateFormat.DayMonthYear ? (a, b) : (b, a);
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day);
        return true;
    }

    public static string Problem(ReadOnlySpan<char> text, SheetDateFormat format)
    {
        var quoted = Internal.Quoting.Quote(text.ToString());
        if (format == SheetDateFormat.Iso && text.IndexOf('/') >= 0)
        {
            return $"date {quoted} is not yyyy-mm-dd; for dates written day first give --date-format dd/MM/yyyy, month first --date-format MM/dd/yyyy (never guessed)";
        }

        return $"date {quoted} is not a real calendar date written {FormatName(format)}";
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text.Length > 0;
    }
}
