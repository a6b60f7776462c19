using System.Text;

namespace LeadRouting.Engine.Tests.PublicApi;

/// <summary>A unified line diff (longest common subsequence), enough to show an API change in a test failure.</summary>
public static class LineDiff
{
    private const int Context = 3;

    /// <summary>
    /// The hunks that turn <paramref name="before"/> into <paramref name="after"/>: lines prefixed "-", "+" or " ", each hunk
    /// headed by its line ranges and by the nearest unindented line above its first change (the type the change is in).
    /// </summary>
    public static string Unified(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Lines(before);
        var b = Lines(after);
        var edits = Edits(a, b);

        var output = new StringBuilder();
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk runs from the first change until more than 2 * Context unchanged lines separate it from the next one.
            var start = Math.Max(0, i - Context);
            var end = i;
            var unchanged = 0;
            for (var j = i; j < edits.Count && unchanged <= 2 * Context; j++)
            {
                unchanged = edits[j].Kind == ' ' ? unchanged + 1 : 0;
                if (edits[j].Kind != ' ')
                {
                    end = j;
                }
            }

            end = Math.Min(edits.Count - 1, end + Context);
            var first = edits[start];
            var oldCount = 0;
            var newCount = 0;
            for (var j = start; j <= end; j++)
            {
                oldCount += edits[j].Kind == '+' ? 0 : 1;
                newCount += edits[j].Kind == '-' ? 0 : 1;
            }

            output.Append("@@ -").Append(first.OldLine + 1).Append(',').Append(oldCount)
                .Append(" +").Append(first.NewLine + 1).Append(',').Append(newCount).Append(" @@");
            if (Heading(a, edits[i].OldLine) is { } heading)
            {
                output.Append(' ').Append(heading);
            }

            output.Append('\n');
            for (var j = start; j <= end; j++)
            {
                output.Append(edits[j].Kind).Append(edits[j].Text).Append('\n');
            }

            i = end + 1;
        }

        return output.ToString();
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static string? Heading(string[] lines, int line)
    {
        for (var k = Math.Min(line, lines.Length) - 1; k >= 0; k--)
        {
            if (lines[k].Length > 0 && !char.IsWhiteSpace(lines[k][0]) && !lines[k].StartsWith('['))
            {
                return lines[k];
            }
        }

        return null;
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<Edit>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                edits.Add(new Edit(' ', a[x], x++, y++));
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(new Edit('-', a[x], x++, y));
            }
            else
            {
                edits.Add(new Edit('+', b[y], x, y++));
            }
        }

        return edits;
    }

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);
}
