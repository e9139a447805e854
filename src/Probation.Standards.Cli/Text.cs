using System.Globalization;
using System.IO;
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

/// <summary>
/// A writer of lines: whatever a line holds, it is written with <see cref="Text.OneLine"/>, so only the writer's
/// own line ends end lines. Wraps standard error, and standard output wherever the tool writes text for people.
/// </summary>
internal sealed class OneLineWriter : TextWriter
{
    private readonly TextWriter inner;

    public OneLineWriter(TextWriter inner)
        : base(CultureInfo.InvariantCulture) => this.inner = inner;

    public override Encoding Encoding => this.inner.Encoding;

    public override void Write(char value) => this.inner.Write(Text.OneLine(value.ToString()));

    public override void Write(string? value) => this.inner.Write(Text.OneLine(value));

    public override void Write(char[] buffer, int index, int count) => this.inner.Write(Text.OneLine(new string(buffer, index, count)));

    public override void WriteLine() => this.inner.WriteLine();

    public override void WriteLine(string? value) => this.inner.WriteLine(Text.OneLine(value));

    public override void Flush() => this.inner.Flush();
}
