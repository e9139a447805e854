using System;
using System.Collections.Generic;
using System.IO;

namespace Probation.Standards.Cli;

/// <summary>A document <c>verify</c> found, or a folder it could not search (<see cref="Problem"/> set).</summary>
/// <param name="Path">The path as found (the argument, or the folder argument joined with the names below it).</param>
/// <param name="Problem">Why the entry cannot be verified before it is opened, or <see langword="null"/>.</param>
internal sealed record FoundDocument(string Path, string? Problem);

/// <summary>
/// The documents <c>verify PATH...</c> checks: each PATH in the order given; a folder searched recursively for
/// <c>*.json</c>, its documents in ordinal order of their paths, without following symbolic links to folders
/// (so a link loop ends nothing); every document once, by its full path with every symbolic link resolved.
/// A PATH named on the command line is followed even when it is a link.
/// </summary>
internal static class DocumentSearch
{
    private const int MaxLinksPerPath = 40; // as Linux's ELOOP limit

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        MatchType = MatchType.Simple,
        MatchCasing = MatchCasing.CaseSensitive,
        ReturnSpecialDirectories = false,
    };

    public static List<FoundDocument> Find(IEnumerable<string> paths)
    {
        var found = new List<FoundDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == InputFile.StandardInput)
            {
                Add(found, seen, path, path, null);
            }
            else if (path.Length > 0 && Directory.Exists(path))
            {
                Search(path, found, seen);
            }
            else if (path.Length > 0 && !File.Exists(path) && !IsLink(path))
            {
                Add(found, seen, path, path, "no such file or folder");
            }
            else
            {
                Add(found, seen, path, Resolve(path), null);
            }
        }

        return found;
    }

    /// <summary>
    /// The full path of <paramref name="path"/> with every symbolic link along it resolved (as realpath does); when a
    /// link cannot be resolved (a loop, a permission), the full path as far as it could be resolved.
    /// </summary>
    public static string Resolve(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }

        var separators = new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var rest = new Queue<string>(full.Substring(root.Length).Split(separators, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var links = 0;
        while (rest.Count > 0)
        {
            var next = Path.Combine(current, rest.Dequeue());
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                target = null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinksPerPath)
            {
                return full;
            }

            // The link's target, relative to the folder holding the link, then what was left of the path.
            var resolved = Path.GetFullPath(target, current);
            root = Path.GetPathRoot(resolved) ?? string.Empty;
            var remaining = rest.ToArray();
            rest = new Queue<string>(resolved.Substring(root.Length).Split(separators, StringSplitOptions.RemoveEmptyEntries));
            foreach (var part in remaining)
            {
                rest.Enqueue(part);
            }

            current = root;
        }

        return current;
    }

    private static void Search(string folder, List<FoundDocument> found, HashSet<string> seen)
    {
        var documents = new List<string>();
        var problems = new List<FoundDocument>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!visited.Add(Resolve(current)))
            {
                continue; // the same folder by another route (a bind mount, or a PATH inside another)
            }

            List<FileSystemInfo> entries;
            try
            {
                entries = new List<FileSystemInfo>(new DirectoryInfo(current).EnumerateFileSystemInfos("*", OneLevel));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new FoundDocument(current, ex is UnauthorizedAccessException ? "cannot search the folder: permission denied" : $"cannot search the folder: {Text.OneLine(ex.Message)}"));
                continue;
            }

            foreach (var entry in entries)
            {
                var path = Path.Combine(current, entry.Name);
                if (entry is DirectoryInfo)
                {
                    if (entry.LinkTarget is null)
                    {
                        pending.Push(path); // a link to a folder is not followed
                    }
                }
                else if (entry.Name.EndsWith(".json", StringComparison.Ordinal) && !IsFolderLink(entry))
                {
                    documents.Add(path);
                }
            }
        }

        documents.Sort(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            Add(found, seen, document, Resolve(document), null);
        }

        problems.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        found.AddRange(problems);
    }

    private static void Add(List<FoundDocument> found, HashSet<string> seen, string path, string key, string? problem)
    {
        if (seen.Add(key))
        {
            found.Add(new FoundDocument(path, problem));
        }
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    // A link named *.json whose target is a folder: a link to a folder, which is not followed.
    private static bool IsFolderLink(FileSystemInfo entry) =>
        entry.LinkTarget is not null && Directory.Exists(entry.FullName);
}
