namespace Probation.Standards.Tests.Support;

/// <summary>The seeds/ folder copied into the test output (conformance vectors).</summary>
internal static class Seeds
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string PathOf(string relative) => Path.Combine(Folder, relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));
}
