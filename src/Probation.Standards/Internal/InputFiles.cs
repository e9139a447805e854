using System;
using System.IO;

namespace Probation.Standards.Internal;

/// <summary>Opens an input file, turning every reason it cannot be read into one <see cref="ProblemCode.Unreadable"/> problem.</summary>
internal static class InputFiles
{
    public static FileStream Open(string path, string what, bool useAsync)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (Directory.Exists(path))
        {
            throw Unreadable(path, $"is a folder, not {what}");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync ? FileOptions.Asynchronous | FileOptions.SequentialScan : FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Unreadable(path, "no such file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Unreadable(path, "cannot be read: " + ex.Message);
        }
    }

    private static InvalidInputException Unreadable(string path, string why) =>
        InvalidInputException.Of(new InputProblem(ProblemCode.Unreadable, path, JsonPathText.Root, why));
}
