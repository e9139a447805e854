using System;
using System.Globalization;

namespace Probation.Standards.Internal;

/// <summary>ISO calendar dates (<c>yyyy-MM-dd</c>), the only date form the documents accept.</summary>
internal static class DateText
{
    public static bool TryParse(string text, out DateTime date) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
