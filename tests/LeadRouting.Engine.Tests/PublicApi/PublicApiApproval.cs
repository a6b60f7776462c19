using System.Reflection;
using System.Text;

namespace LeadRouting.Engine.Tests.PublicApi;

/// <summary>
/// Compares an assembly's public surface with the file committed next to this class
/// (<c>PublicApi/&lt;assembly&gt;.approved.txt</c>) and fails with a diff and the way to accept the change.
/// </summary>
public static class PublicApiApproval
{
    /// <summary>Set to 1 to write the received API over the approved file instead of failing.</summary>
    public const string AcceptVariable = "LEADROUTING_ACCEPT_API";

    private const string TestProjectFile = "LeadRouting.Engine.Tests.csproj";

    /// <summary>Fails unless the public API of <paramref name="assembly"/> is the approved one.</summary>
    public static void Verify(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = assembly.GetName().Name!;
        var received = PublicApiWriter.Write(assembly);

        var folder = Path.Combine(FindTestProjectDirectory(), "PublicApi");
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(approvedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(Message(name, approvedPath, receivedPath, approved, received));
    }

    private static string Message(string name, string approvedPath, string receivedPath, string approved, string received)
    {
        var root = FindRepositoryRoot(Path.GetDirectoryName(approvedPath)!);
        var approvedFile = Path.GetRelativePath(root, approvedPath);
        var receivedFile = Path.GetRelativePath(root, receivedPath);
        var message = new StringBuilder()
            .Append("The public API of ").Append(name).Append(" is not the approved one")
            .Append(approved.Length == 0 ? $" ({approvedFile} does not exist yet).\n" : ".\n")
            .Append('\n')
            .Append("--- ").Append(approvedFile).Append(" (approved)\n")
            .Append("+++ ").Append(receivedFile).Append(" (this build)\n")
            .Append(LineDiff.Unified(approved, received))
            .Append('\n')
            .Append("If the change is intended, accept it (from the repository root) and commit the approved file with the code, so the\n")
            .Append("review shows the API change:\n")
            .Append("  ").Append(AcceptVariable).Append("=1 dotnet test tests/LeadRouting.Engine.Tests --filter FullyQualifiedName~PublicApi\n")
            .Append("or copy the received file over the approved one:\n")
            .Append("  cp ").Append(receivedFile).Append(' ').Append(approvedFile).Append('\n')
            .Append("A removed or changed public member breaks consumers: see \"Versioning and compatibility\" in README.md.");
        return message.ToString();
    }

    private static string FindTestProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, TestProjectFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {TestProjectFile} above {AppContext.BaseDirectory}: the public API test compares with a file in the test project's source folder, so run it from the repository.");
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LeadRouting.Engine.sln")))
            {
                return directory.FullName;
            }
        }

        return start;
    }
}
