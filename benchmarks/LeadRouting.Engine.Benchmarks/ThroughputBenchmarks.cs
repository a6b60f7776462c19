using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// Routes per second in total, with 1 and 2 threads: the full pipeline of <see cref="PipelineBenchmarks"/> at 100 reps
/// (open-lead cap 20, a release per route), one invocation routing <see cref="RoutesPerInvoke"/> leads split over two
/// streams. With one thread, it routes both streams in turn; with two, a second (long-lived) thread routes the second
/// stream at the same time. <see cref="TeamSpread"/> says whether the streams reach the same team (shared groups and
/// counters) or two teams. The Mean is per route over all threads, so with two threads it is the wall time of a route
/// divided by two; Op/s is the total throughput.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
[BenchmarkCategory(BenchmarkCategories.HotPath)]
public class ThroughputBenchmarks : IDisposable
{
    /// <summary>Routes per invocation: enough (~5 ms) that starting and joining the second thread's work is noise.</summary>
    public const int RoutesPerInvoke = 1 << 16;

    private const int Reps = 100;
    private const int Mask = BenchmarkWorkload.LeadCount - 1;

    private RoutingEngine _engine = null!;
    private Lead[] _first = null!;
    private Lead[] _second = null!;
    private RouteWorker? _worker;

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params(TeamSpread.OneTeam, TeamSpread.TwoTeams)]
    public TeamSpread Teams { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var roster = PipelineBenchmarks.CappedRoster(Reps);
        _engine = new RoutingEngine(roster, BenchmarkWorkload.CreatePipeline());
        _first = BenchmarkWorkload.CreateLeads(Reps, seed: 1, minScore: (int)BenchmarkWorkload.EnterpriseMinimum, maxScore: 100);
        _second = Teams == TeamSpread.OneTeam
            ? BenchmarkWorkload.CreateLeads(Reps, seed: 2, minScore: (int)BenchmarkWorkload.EnterpriseMinimum, maxScore: 100)
            : BenchmarkWorkload.CreateLeads(Reps, seed: 2, minScore: 0, maxScore: (int)BenchmarkWorkload.MidMarketMinimum - 1);
        EngineWarmUp.RouteAll(_engine, _first, release: true);
        EngineWarmUp.RouteAll(_engine, _second, release: true);
        if (Threads == 2)
        {
            _worker = new RouteWorker(() => RouteStream(_engine, _second));
        }
    }

    /// <summary>Stops the second thread. Not sealed: BenchmarkDotNet derives from benchmark classes.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _worker?.Dispose();
        _worker = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark(OperationsPerInvoke = RoutesPerInvoke)]
    public void RouteAndRelease()
    {
        if (_worker is null)
        {
            RouteStream(_engine, _first);
            RouteStream(_engine, _second);
            return;
        }

        _worker.Start();
        RouteStream(_engine, _first);
        _worker.Join();
    }

    private static void RouteStream(RoutingEngine engine, Lead[] leads)
    {
        for (var i = 0; i < RoutesPerInvoke / 2; i++)
        {
            var decision = engine.Route(leads[i & Mask]);
            engine.Release(decision.RepId!);
        }
    }

    /// <summary>A thread kept for the whole run, so an invocation pays two semaphore signals, not a thread start.</summary>
    private sealed class RouteWorker : IDisposable
    {
        private readonly SemaphoreSlim _go = new(0);
        private readonly SemaphoreSlim _done = new(0);
        private readonly Thread _thread;
        private readonly Action _work;
        private volatile bool _stopping;

        public RouteWorker(Action work)
        {
            _work = work;
            _thread = new Thread(Loop) { IsBackground = true, Name = "route-worker" };
            _thread.Start();
        }

        public void Start() => _go.Release();

        public void Join() => _done.Wait();

        public void Dispose()
        {
            _stopping = true;
            _go.Release();
            _thread.Join();
            _go.Dispose();
            _done.Dispose();
        }

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                if (_stopping)
                {
                    return;
                }

                _work();
                _done.Release();
            }
        }
    }
}
