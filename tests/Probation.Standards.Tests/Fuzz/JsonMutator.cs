using System.Text;
using System.Text.Json;

namespace Probation.Standards.Tests.Fuzz;

/// <summary>
/// A JSON document as an editable tree that keeps what System.Text.Json's own tree cannot: duplicate names, and
/// scalars as raw text (so a mutation can write 1e400, a lone surrogate escape or a bare word).
/// </summary>
internal sealed class Node
{
    private Node(string? raw, List<KeyValuePair<string, Node>>? members, List<Node>? items)
    {
        this.Raw = raw;
        this.Members = members;
        this.Items = items;
    }

    /// <summary>A scalar's JSON text; <see langword="null"/> for an object or array.</summary>
    public string? Raw { get; set; }

    public List<KeyValuePair<string, Node>>? Members { get; }

    public List<Node>? Items { get; }

    public static Node Scalar(string raw) => new(raw, null, null);

    public static Node Object() => new(null, new List<KeyValuePair<string, Node>>(), null);

    public static Node Array() => new(null, null, new List<Node>());

    public static Node Parse(byte[] utf8)
    {
        var start = utf8.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        using var document = JsonDocument.Parse(utf8.AsMemory(start));
        return From(document.RootElement);
    }

    public Node Clone()
    {
        if (this.Members is { } members)
        {
            var copy = Object();
            copy.Members!.AddRange(members.Select(m => new KeyValuePair<string, Node>(m.Key, m.Value.Clone())));
            return copy;
        }

        if (this.Items is { } items)
        {
            var copy = Array();
            copy.Items!.AddRange(items.Select(i => i.Clone()));
            return copy;
        }

        return Scalar(this.Raw!);
    }

    /// <summary>Every node under this one, this one first, each with its parent (null for the root).</summary>
    public List<(Node Node, Node? Parent)> All()
    {
        var all = new List<(Node, Node?)>();
        var stack = new Stack<(Node, Node?)>();
        stack.Push((this, null));
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            all.Add((node, parent));
            foreach (var child in node.Children().Reverse())
            {
                stack.Push((child, node));
            }
        }

        return all;
    }

    public IEnumerable<Node> Children() =>
        this.Members?.Select(m => m.Value) ?? (IEnumerable<Node>?)this.Items ?? System.Array.Empty<Node>();

    public void Write(StringBuilder text)
    {
        if (this.Members is { } members)
        {
            text.Append('{');
            for (var i = 0; i < members.Count; i++)
            {
                text.Append(i == 0 ? "\n" : ",\n");
                text.Append(JsonSerializer.Serialize(members[i].Key)).Append(": ");
                members[i].Value.Write(text);
            }

            text.Append("\n}");
        }
        else if (this.Items is { } items)
        {
            text.Append('[');
            for (var i = 0; i < items.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ");
                items[i].Write(text);
            }

            text.Append(']');
        }
        else
        {
            text.Append(this.Raw);
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        this.Write(text);
        return text.ToString();
    }

    private static Node From(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = Object();
                foreach (var property in element.EnumerateObject())
                {
                    obj.Members!.Add(new KeyValuePair<string, Node>(property.Name, From(property.Value)));
                }

                return obj;
            case JsonValueKind.Array:
                var array = Array();
                foreach (var item in element.EnumerateArray())
                {
                    array.Items!.Add(From(item));
                }

                return array;
            default:
                return Scalar(element.GetRawText());
        }
    }
}

/// <summary>One mutation: what it does, and three numbers that pick where and what (each taken modulo its range).</summary>
internal sealed record Mutation(MutationKind Kind, int Where, int What, int Other)
{
    public override string ToString() => $"{this.Kind}({this.Where},{this.What},{this.Other})";
}

internal enum MutationKind
{
    Delete,
    Duplicate,
    Retype,
    Rename,
    Swap,
    HugeNumber,
    DeepNesting,
    Unicode,
    WrongDate,
    RepeatCases,

    // Byte-level, applied to the written text.
    Truncate,
    ByteOrderMark,
    BadUtf8,
    FlipByte,
    InsertToken,
}

/// <summary>Applies mutations to a document: structure-aware ones to its tree, then byte-level ones to its text.</summary>
internal static class JsonMutator
{
    public static readonly string[] Names =
    {
        "framework", "unit", "fieldworkStarted", "organisational", "keyQuestions", "cases", "id", "answers", "sentence",
        "start", "suspended", "exemption", "tags", "yes", "relevant", "percent", "expected", "standards", "overrides",
        "rating", "reason", "score", "maxScore", "overall", "computedRating", "drivenBy", "P1.1", "P2.1", "P2.1.1",
        "P2.4.3", "P9.9.9", "Framework", "framework ", "ｆramework", string.Empty, "\u0000", "id\u0301", "\ud83d\ude00",
    };

    public static readonly string[] HugeNumbers =
    {
        "1e400", "-1e400", "1e-400", "18446744073709551616", "9223372036854775808", "9223372036854775807",
        "-9223372036854775809", "1.0", "1e2", "0.5e1", "-0", "00", "1" + new string('0', 400), "0." + new string('0', 300) + "1",
        "123456789012345678901234567890e-20", "2147483648", "-1", "NaN", "Infinity", "0x10",
    };

    public static readonly string[] Scalars =
    {
        "null", "true", "false", "0", "1", "-1", "\"\"", "{}", "[]", "\"Yes\"", "\"No\"", "\"NotApplicable\"", "\"Good\"",
        "\"Outstanding\"", "\"RequiresImprovement\"", "\"Inadequate\"", "\"Licence\"", "\"Mappa\"", "\"probation-pdu-2023\"",
        "\"youth-2021\"", "\"probation-pdu-2021\"", "\"2024-07-22\"", "{\"yes\": 1, \"relevant\": 2}", "[\"P2.1.1\"]",
        "\"yes\"", "\" Yes \"", "\"P2.1.1\"",
    };

    public static readonly string[] UnicodeStrings =
    {
        "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"e\\u0301\"", "\"\u202e\u0645\"", "\"\ud83d\ude00\"", "\"\\\"\"",
        "\"\t\"", "\"\u00a0\"", "\"\ufeff\"", "\"\u200b\"", "\"A\\nB\"", "\"\u0130\"", "\"ß\"", "\"\\uD83D\\uDE00\"",
    };

    public static readonly string[] Dates =
    {
        "\"2024-02-30\"", "\"2024-13-01\"", "\"24-07-22\"", "\"2024-07-22T10:00:00\"", "\"0000-00-00\"", "\"9999-12-31\"",
        "\"0001-01-01\"", "\"2024-7-2\"", "\"２０２４-07-22\"", "\"2024-07-22 \"", "\"2023-02-29\"", "\"2024-02-29\"",
        "\"2024-06-06\"", "\"2024-06-07\"", "\"20240722\"", "20240722", "\"22/07/2024\"",
    };

    public static readonly string[] Tokens =
    {
        "/*x*/", ",", "}", "]", "{", "[", ":", "\"", "\\", "nul", "tru", "1e", "-", ".", "\u0000", "//", "\r", "'", "NaN",
    };

    public static byte[] Apply(byte[] document, IEnumerable<Mutation> mutations)
    {
        var root = Node.Parse(document);
        var byteLevel = new List<Mutation>();
        foreach (var mutation in mutations)
        {
            if (mutation.Kind >= MutationKind.Truncate)
            {
                byteLevel.Add(mutation);
            }
            else
            {
                root = Structural(root, mutation);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(root.ToString());
        foreach (var mutation in byteLevel)
        {
            bytes = ByteLevel(bytes, mutation);
        }

        return bytes;
    }

    private static int Pick(int value, int count) => count == 0 ? 0 : (int)((uint)value % (uint)count);

    private static Node Structural(Node root, Mutation m)
    {
        var all = root.All();
        var (node, parent) = all[Pick(m.Where, all.Count)];
        switch (m.Kind)
        {
            case MutationKind.Delete when parent is not null:
                Remove(parent, node);
                break;
            case MutationKind.Duplicate when parent?.Members is { } members:
                var index = members.FindIndex(p => ReferenceEquals(p.Value, node));
                members.Insert(index + 1, new KeyValuePair<string, Node>(members[index].Key, Pick(m.What, 2) == 0 ? node.Clone() : Node.Scalar(Scalars[Pick(m.Other, Scalars.Length)])));
                break;
            case MutationKind.Duplicate when parent?.Items is { } items:
                items.Insert(items.IndexOf(node) + 1, node.Clone());
                break;
            case MutationKind.Retype:
                return Replace(root, parent, node, Node.Scalar(Scalars[Pick(m.What, Scalars.Length)]));
            case MutationKind.Rename when parent?.Members is { } members:
                var at = members.FindIndex(p => ReferenceEquals(p.Value, node));
                var name = Pick(m.Other, 3) switch
                {
                    0 => Names[Pick(m.What, Names.Length)],
                    1 => members[at].Key.ToUpperInvariant(),
                    _ => members[at].Key + (char)(0x20 + Pick(m.What, 0x60)),
                };
                members[at] = new KeyValuePair<string, Node>(name, node);
                break;
            case MutationKind.Swap:
                var (other, otherParent) = all[Pick(m.What, all.Count)];
                if (parent is not null && otherParent is not null && !Contains(node, other) && !Contains(other, node))
                {
                    var copy = node.Clone();
                    root = Replace(root, parent, node, other.Clone());
                    root = Replace(root, otherParent, other, copy);
                }

                break;
            case MutationKind.HugeNumber:
                return Replace(root, parent, node, Node.Scalar(HugeNumbers[Pick(m.What, HugeNumbers.Length)]));
            case MutationKind.DeepNesting:
                var depth = new[] { 10, 63, 64, 65, 1000, 20000 }[Pick(m.What, 6)];
                var (open, close) = Pick(m.Other, 2) == 0 ? ("[", "]") : ("{\"a\":", "}");
                return Replace(root, parent, node, Node.Scalar(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth))));
            case MutationKind.Unicode:
                return Replace(root, parent, node, Node.Scalar(UnicodeStrings[Pick(m.What, UnicodeStrings.Length)]));
            case MutationKind.WrongDate:
                return Replace(root, parent, node, Node.Scalar(Dates[Pick(m.What, Dates.Length)]));
            case MutationKind.RepeatCases:
                var cases = root.Members?.FirstOrDefault(p => p.Key == "cases").Value?.Items;
                if (cases is { Count: > 0 })
                {
                    var times = 1 + Pick(m.What, 40);
                    var template = cases[Pick(m.Other, cases.Count)];
                    for (var i = 0; i < times; i++)
                    {
                        cases.Add(template.Clone());
                    }
                }

                break;
        }

        return root;
    }

    private static byte[] ByteLevel(byte[] bytes, Mutation m)
    {
        var at = Pick(m.Where, bytes.Length + 1);
        switch (m.Kind)
        {
            case MutationKind.Truncate:
                return bytes[..at];
            case MutationKind.ByteOrderMark:
                var bom = Pick(m.What, 4) switch
                {
                    0 => new byte[] { 0xEF, 0xBB, 0xBF },
                    1 => new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF },
                    2 => new byte[] { 0xFF, 0xFE },
                    _ => new byte[] { 0xFE, 0xFF },
                };
                return Pick(m.Other, 3) == 0 ? Insert(bytes, at, bom) : Insert(bytes, 0, bom);
            case MutationKind.BadUtf8:
                var bad = Pick(m.What, 6) switch
                {
                    0 => new byte[] { 0xFF },
                    1 => new byte[] { 0xC0, 0x80 },
                    2 => new byte[] { 0x80 },
                    3 => new byte[] { 0xED, 0xA0, 0x80 },
                    4 => new byte[] { 0xF4, 0x90, 0x80, 0x80 },
                    _ => new byte[] { 0xE2, 0x82 },
                };
                return Insert(bytes, at, bad);
            case MutationKind.FlipByte when bytes.Length > 0:
                var copy = (byte[])bytes.Clone();
                copy[Pick(m.Where, bytes.Length)] ^= (byte)(1 << Pick(m.What, 8));
                return copy;
            case MutationKind.InsertToken:
                return Insert(bytes, at, Encoding.UTF8.GetBytes(Tokens[Pick(m.What, Tokens.Length)]));
            default:
                return bytes;
        }
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] extra) => [.. bytes[..at], .. extra, .. bytes[at..]];

    private static bool Contains(Node outer, Node inner) => outer.All().Any(p => ReferenceEquals(p.Node, inner));

    private static void Remove(Node parent, Node node)
    {
        if (parent.Members is { } members)
        {
            members.RemoveAt(members.FindIndex(p => ReferenceEquals(p.Value, node)));
        }
        else
        {
            parent.Items!.Remove(node);
        }
    }

    private static Node Replace(Node root, Node? parent, Node node, Node with)
    {
        if (parent is null)
        {
            return with;
        }

        if (parent.Members is { } members)
        {
            var i = members.FindIndex(p => ReferenceEquals(p.Value, node));
            members[i] = new KeyValuePair<string, Node>(members[i].Key, with);
        }
        else
        {
            var items = parent.Items!;
            items[items.IndexOf(node)] = with;
        }

        return root;
    }
}
