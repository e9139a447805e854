using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Probation.Standards.Internal;

/// <summary>
/// Finds where a JSON path's value starts in a document, as a 1-based line and byte column, so that
/// errors found after parsing (an unknown key-question id, a duplicate case id) can point at the text.
/// Used only on the error path.
/// </summary>
internal static class JsonLocator
{
    public static bool TryLocate(byte[] utf8Json, string path, out long line, out long column)
    {
        line = 0;
        column = 0;
        var offset = FindOffset(utf8Json, path);
        if (offset < 0)
        {
            return false;
        }

        line = 1;
        long lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (utf8Json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        column = CharactersBetween(utf8Json, lineStart, offset) + 1;
        return true;
    }

    /// <summary>Turns a syntax error's 1-based byte column on a 1-based line into a character column, as an editor shows it.</summary>
    public static long CharacterColumn(byte[] utf8Json, long line, long byteColumn)
    {
        long lineStart = 0;
        for (long i = 0, current = 1; i < utf8Json.Length && current < line; i++)
        {
            if (utf8Json[i] == (byte)'\n')
            {
                current++;
                lineStart = i + 1;
            }
        }

        var end = Math.Min(utf8Json.Length, lineStart + byteColumn - 1);
        return CharactersBetween(utf8Json, lineStart, end) + 1;
    }

    // UTF-8 continuation bytes (10xxxxxx) do not start a character.
    private static long CharactersBetween(byte[] utf8Json, long from, long to)
    {
        long count = 0;
        for (var i = from; i < to; i++)
        {
            if ((utf8Json[i] & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }

    private static long FindOffset(byte[] utf8Json, string target)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            var stack = new Stack<Frame>();
            string? pendingName = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        continue;
                }

                // A value starts here: work out its path.
                string path;
                if (stack.Count == 0)
                {
                    path = JsonPathText.Root;
                }
                else
                {
                    var parent = stack.Pop();
                    if (parent.IsArray)
                    {
                        path = JsonPathText.Index(parent.Path, parent.NextIndex);
                        parent = parent with { NextIndex = parent.NextIndex + 1 };
                    }
                    else
                    {
                        path = JsonPathText.Property(parent.Path, pendingName ?? string.Empty);
                    }

                    stack.Push(parent);
                }

                if (path == target)
                {
                    return reader.TokenStartIndex;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (!target.StartsWith(path, StringComparison.Ordinal))
                    {
                        reader.Skip();
                        continue;
                    }

                    stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // A document that cannot be walked has no location to give.
        }

        return -1;
    }

    private readonly record struct Frame(string Path, bool IsArray, long NextIndex);
}
