using System.Text;

namespace Probation.Standards.Internal;

/// <summary>Builds JSON paths for error messages: <c>$.cases[3].answers['P2.1.2']</c>.</summary>
internal static class JsonPathText
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        if (IsPlainName(name))
        {
            return parent + "." + name;
        }

        var builder = new StringBuilder(parent.Length + name.Length + 4);
        builder.Append(parent).Append("['");
        foreach (var c in name)
        {
            if (c == '\'' || c == '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append("']").ToString();
    }

    public static string Index(string parent, long index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
