using System.Text;

namespace Probation.Standards.Internal;

/// <summary>Folding of enumeration names written in findings and framework files.</summary>
internal static class Names
{
    /// <summary>Lower-cases and drops spaces, so "Requires improvement" and "RequiresImprovement" meet.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c != ' ')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Parses an enumeration member by folded name; rejects numbers and unknown names.</summary>
    public static bool TryParseEnum<TEnum>(string? text, out TEnum value)
        where TEnum : struct, System.Enum
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var folded = Fold(text);
#if NET5_0_OR_GREATER
        foreach (var candidate in System.Enum.GetValues<TEnum>())
#else
        foreach (TEnum candidate in System.Enum.GetValues(typeof(TEnum)))
#endif
        {
            if (Fold(candidate.ToString()) == folded)
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }
}
