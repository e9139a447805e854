using System.Globalization;
using System.Text;

namespace Probation.Standards.Cli;

/// <summary>Keeps every line the tool prints one line: values copied from input have their control characters escaped.</summary>
internal static class Text
{
    /// <summary>
    /// <paramref name="value"/> with every control character (C0, DEL, C1) and the Unicode line and paragraph
    /// separators written as a JSON-style escape (<c>\n</c>, <c>\t</c>, <c>\u001b</c>). Other text, backslashes
    /// included, is unchanged, so escaping twice changes nothing more.
    /// </summary>
    public static string OneLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? string.Empty;
        }

        var index = 0;
        while (index < value.Length && !NeedsEscape(value[index]))
        {
            index++;
        }

        if (index == value.Length)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16).Append(value, 0, index);
        for (; index < value.Length; index++)
        {
            var c = value[index];
            if (!NeedsEscape(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c == '\u2028' || c == '\u2029';
}
