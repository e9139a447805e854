using System;
using System.IO;

namespace Probation.Standards.Cli;

/// <summary>
/// Opening a FILE argument: <c>-</c> is standard input; a folder, a missing file or an unreadable one is a
/// one-line problem naming it, never an exception or "Access denied".
/// </summary>
internal static class InputFile
{
    /// <summary>The argument that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>How standard input is named in messages.</summary>
    public const string StandardInputName = "<stdin>";

    // Standard input is read once, whoever asks for it first.
    private static byte[]? standardInput;

    /// <summary>The name a path goes by in messages: <c>&lt;stdin&gt;</c> for <c>-</c>, else the path as given, on one line.</summary>
    public static string DisplayName(string path) => path == StandardInput ? StandardInputName : Text.OneLine(path);

    /// <summary>
    /// Opens <paramref name="path"/> for reading. Standard input, and anything else that cannot seek (a pipe,
    /// <c>/dev/stdin</c>), is read whole into memory first, so the stream has a length.
    /// </summary>
    /// <param name="path">The path as given, or <c>-</c>.</param>
    /// <param name="folderAdvice">What to say after "is a folder, not ...", e.g. <c>a findings document (verify takes folders)</c>.</param>
    /// <param name="stream">The open stream, when it could be opened.</param>
    /// <param name="problem">Otherwise what was wrong, starting with the display name.</param>
    public static bool TryOpen(string path, string folderAdvice, out Stream? stream, out string? problem)
    {
        var name = DisplayName(path);
        stream = null;
        problem = null;
        try
        {
            if (path == StandardInput)
            {
                standardInput ??= ReadAll(Console.OpenStandardInput());
                stream = new MemoryStream(standardInput, writable: false);
                return true;
            }

            if (path.Length == 0)
            {
                problem = "'': an empty file name";
                return false;
            }

            if (Directory.Exists(path))
            {
                problem = $"{name}: is a folder, not {folderAdvice}";
                return false;
            }

            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (file.CanSeek)
            {
                stream = file;
                return true;
            }

            stream = new MemoryStream(ReadAll(file), writable: false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"{name}: {Describe(ex, path)}";
            return false;
        }
    }

    /// <summary>The words for a failure to open or read <paramref name="path"/>: no such file, a folder, permission denied, or the system's reason.</summary>
    public static string Describe(Exception ex, string path) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException when Directory.Exists(path) => "is a folder, not a file",
        UnauthorizedAccessException => "cannot read: permission denied",
        _ => $"cannot read: {Text.OneLine(ex.Message)}",
    };

    private static byte[] ReadAll(Stream source)
    {
        using (source)
        {
            using var buffer = new MemoryStream();
            source.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
