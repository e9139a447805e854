using System.Globalization;
using System.Numerics;

namespace Probation.Standards.Internal;

/// <summary>
/// A JSON number read exactly from its text: <c>Digits / 10^Scale</c>, trailing zeros removed, with
/// its sign. No rounding happens on the way (R10).
/// </summary>
internal readonly struct ExactNumber : System.IEquatable<ExactNumber>
{
    /// <summary>
    /// The decimal places a published percentage's tally keeps: 16 keeps it (digits out of 100 * 10^16)
    /// within a 64-bit count. A percentage with more places keeps its exact value beside the tally; the
    /// tally is cut down (never rounded up) to 16 places, which moves it across no band edge, since every
    /// edge is a whole percentage (R4), and the exact value decides which key question drives (R5).
    /// </summary>
    public const int TallyDecimalPlaces = 16;

    private static readonly BigInteger MaxDecimalMantissa = new(decimal.MaxValue);

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

    /// <summary>The exact value of a decimal.</summary>
    public static ExactNumber FromDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = (new BigInteger(unchecked((uint)bits[2])) << 64) | (new BigInteger(unchecked((uint)bits[1])) << 32) | new BigInteger(unchecked((uint)bits[0]));
        var scale = (bits[3] >> 16) & 0xFF;
        while (scale > 0 && !mantissa.IsZero && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return new ExactNumber(value < 0, mantissa, mantissa.IsZero ? 0 : scale);
    }

    /// <summary>This non-negative percentage as a tally out of 100 * 10^places, cut down to <see cref="TallyDecimalPlaces"/> places.</summary>
    public Scoring.KeyQuestionTally ToPercentageTally()
    {
        var digits = this.Digits;
        var scale = this.Scale;
        if (scale > TallyDecimalPlaces)
        {
            digits /= BigInteger.Pow(10, scale - TallyDecimalPlaces);
            scale = TallyDecimalPlaces;
        }

        return new Scoring.KeyQuestionTally((long)digits, 100 * (long)BigInteger.Pow(10, scale));
    }

    /// <summary>This number as a decimal, cut toward zero to the digits a decimal holds.</summary>
    public decimal ToDecimalTowardZero()
    {
        var digits = this.Digits;
        var scale = this.Scale;
        while (scale > 28 || digits > MaxDecimalMantissa)
        {
            digits /= 10;
            scale--;
        }

        if (scale < 0)
        {
            return this.IsNegative ? decimal.MinValue : decimal.MaxValue;
        }

        var bytes = digits.ToByteArray();
        var words = new int[3];
        for (var i = 0; i < bytes.Length && i < 12; i++)
        {
            words[i / 4] |= bytes[i] << (8 * (i % 4));
        }

        return new decimal(words[0], words[1], words[2], this.IsNegative && !digits.IsZero, (byte)scale);
    }

    /// <summary>Compares two shares, each a numerator over a positive denominator, exactly.</summary>
    public static int CompareShares(BigInteger leftNumerator, BigInteger leftDenominator, BigInteger rightNumerator, BigInteger rightDenominator) =>
        (leftNumerator * rightDenominator).CompareTo(rightNumerator * leftDenominator);

    /// <summary>The percentage as a share of 1: digits out of 100 * 10^scale.</summary>
    public BigInteger ShareDenominator => 100 * BigInteger.Pow(10, this.Scale);

    /// <summary>Compares the magnitude-with-sign of this number with a whole number.</summary>
    public int CompareTo(long whole)
    {
        var left = this.IsNegative ? -this.Digits : this.Digits;
        return left.CompareTo(whole * BigInteger.Pow(10, this.Scale));
    }

    /// <inheritdoc />
    public bool Equals(ExactNumber other) => this.IsNegative == other.IsNegative && this.Scale == other.Scale && this.Digits.Equals(other.Digits);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExactNumber other && this.Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => this.Digits.GetHashCode() ^ this.Scale;
}
