using System.Globalization;
using System.Text;

namespace Probation.Standards.Reporting.Html;

/// <summary>
/// The one way text reaches the HTML page: every character that could open markup or end an attribute
/// is written as an entity, and control characters are written visibly as escapes, so a value copied from
/// a document (a unit named <c>&lt;script&gt;</c>, a reason, a case id) is always shown as text.
/// </summary>
internal static class HtmlText
{
    /// <summary>The text escaped for use as element content or a double- or single-quoted attribute value.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var visible = Internal.Quoting.EscapeControls(text!);
        StringBuilder? builder = null;
        for (var i = 0; i < visible.Length; i++)
        {
            var c = visible[i];
            var entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (entity is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(visible.Length + 16).Append(visible, 0, i);
            builder.Append(entity);
        }

        return builder?.ToString() ?? visible;
    }

    /// <summary>A number for an SVG coordinate: invariant, at most two decimals.</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A whole number as text, invariant.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count with its noun, singular for one.</summary>
    public static string Count(long count, string one, string many) => $"{Number(count)} {(count == 1 ? one : many)}";
}
