namespace LeadRouting.Engine.Tests.Support;

/// <summary>Runs a body on several threads released together by a barrier; any exception on a worker fails the test.</summary>
internal static class Concurrently
{
    /// <summary>Starts <paramref name="threads"/> threads, each calling <paramref name="body"/> with its index once all are ready; waits for all.</summary>
    public static void Run(int threads, Action<int> body)
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                body(t);
            }
#pragma warning disable CA1031 // Any exception on a worker is a failure to report, not to lose.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Enqueue(ex);
            }
        })).ToArray();

        foreach (var w in workers)
        {
            w.Start();
        }

        foreach (var w in workers)
        {
            w.Join();
        }

        Assert.Empty(errors);
    }
}
