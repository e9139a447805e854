using System.Globalization;
using System.Text;

namespace Probation.Standards.Internal;

/// <summary>Values copied from input into a message are written with JSON escapes, so a message is always one line.</summary>
internal static class Quoting
{
    /// <summary>A string value in single quotes, with quotes, backslashes and control characters escaped.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxQuoted
            ? "'" + Escape(value, quote: true) + "'"
            : "'" + Escape(value.Substring(0, MaxQuoted), quote: true) + "...' (" + value.Length.ToString(CultureInfo.InvariantCulture) + " characters)";

    /// <summary>The most characters of a value a message quotes.</summary>
    public const int MaxQuoted = 100;

    /// <summary>The text with control characters (and line and paragraph separators) as JSON escapes.</summary>
    public static string EscapeControls(string text) => Escape(text, quote: false);

    private static string Escape(string value, bool quote)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? escaped = c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\'' when quote => "\\'",
                '\\' when quote => "\\\\",
                _ when char.IsControl(c) || c == '\u2028' || c == '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escaped is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(value, 0, i, value.Length + 8);
            builder.Append(escaped);
        }

        return builder?.ToString() ?? value;
    }
}
