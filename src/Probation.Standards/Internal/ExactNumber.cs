using System.Globalization;
using System.Numerics;

namespace Probation.Standards.Internal;

/// <summary>
/// A JSON number read exactly from its text: <c>Digits / 10^Scale</c>, trailing zeros removed, with
/// its sign. No rounding happens on the way (R10).
/// </summary>
internal readonly struct ExactNumber
{
    /// <summary>
    /// The most decimal places a published percentage may have: 16 keeps its exact tally (digits out of
    /// 100 * 10^16) within a 64-bit count, and covers every percentage printed from a double.
    /// </summary>
    public const int MaxDecimalPlaces = 16;

    private ExactNumber(bool isNegative, BigInteger digits, int scale)
    {
        this.IsNegative = isNegative;
        this.Digits = digits;
        this.Scale = scale;
    }

    public bool IsNegative { get; }

    public BigInteger Digits { get; }

    public int Scale { get; }

    /// <summary>Parses JSON number text: <c>-?digits(.digits)?([eE][+-]?digits)?</c>.</summary>
    public static bool TryParse(string text, out ExactNumber number)
    {
        number = default;
        var i = 0;
        var negative = i < text.Length && text[i] == '-';
        if (negative)
        {
            i++;
        }

        var digits = BigInteger.Zero;
        var scale = 0;
        var any = false;
        for (; i < text.Length && char.IsDigit(text[i]); i++)
        {
            digits = (digits * 10) + (text[i] - '0');
            any = true;
        }

        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && char.IsDigit(text[i]); i++)
            {
                digits = (digits * 10) + (text[i] - '0');
                scale++;
                any = true;
            }
        }

        if (!any)
        {
            return false;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            // Exponents beyond a few digits cannot describe a percentage; refuse rather than build huge numbers.
            var exponentText = text.Substring(i + 1);
            if (exponentText.Length > 6 || !int.TryParse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || exponent > 1000 || exponent < -1000)
            {
                return false;
            }

            scale -= exponent;
            i = text.Length;
        }

        if (i != text.Length)
        {
            return false;
        }

        if (scale < 0)
        {
            digits *= BigInteger.Pow(10, -scale);
            scale = 0;
        }

        while (scale > 0 && !digits.IsZero && digits % 10 == 0)
        {
            digits /= 10;
            scale--;
        }

        if (digits.IsZero)
        {
            scale = 0;
        }

        number = new ExactNumber(negative, digits, scale);
        return true;
    }

    /// <summary>Compares the magnitude-with-sign of this number with a whole number.</summary>
    public int CompareTo(long whole)
    {
        var left = this.IsNegative ? -this.Digits : this.Digits;
        return left.CompareTo(whole * BigInteger.Pow(10, this.Scale));
    }
}
