using System.Diagnostics;
using System.Globalization;
using LeadRouting.Engine.Benchmarks.Baseline;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The pipeline benchmark's three routers (engine, LINQ baseline, floor) timed in alternation in one process:
/// <c>dotnet run -c Release --project benchmarks/LeadRouting.Engine.Benchmarks -- --paired [reps ...] [--seconds N]</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why, beside BenchmarkDotNet: this VM's speed changes in phases of several seconds (one process measured ten engines in
/// turn at 121-154 ns, then at 85-102 ns a few seconds later), and BenchmarkDotNet measures one benchmark after the other,
/// so the baseline and the engine of one run can meet different phases and their ratio moves with them (14× to 29× at 10
/// reps in one day). Here each round times a batch of each router back to back (about 25 ms each), so a round's three
/// figures share a phase; the ratio reported is the median of the rounds' ratios, and beside it the ratio of the fastest
/// batches (the quiet phase).
/// </para>
/// <para>
/// Same work as <see cref="PipelineBenchmarks"/>: the same roster, pipeline and 4,096-lead stream, route then release,
/// after a pass that checks the baseline and the floor decide as the engine does. Stopwatch over batches, so it reports
/// nothing BenchmarkDotNet's tables do not (no allocation or error columns): it is the ratio's second opinion.
/// </para>
/// </remarks>
internal static class PairedRatio
{
    private const int Mask = BenchmarkWorkload.LeadCount - 1;

    private static readonly TimeSpan BatchTarget = TimeSpan.FromMilliseconds(25);

    public static int Run(IReadOnlyList<string> args)
    {
        var sizes = new List<int>();
        var seconds = 20.0;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Count)
            {
                seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var reps) && reps > 0)
            {
                sizes.Add(reps);
            }
            else
            {
                Console.Error.WriteLine($"--paired: unknown argument '{args[i]}' (expected rep counts and --seconds N)");
                return 2;
            }
        }

        if (sizes.Count == 0)
        {
            sizes.AddRange([10, 100]);
        }

        Console.WriteLine($"Engine, LINQ baseline and floor in alternation, {seconds:0.#} s per size; ns per route + release.");
        Console.WriteLine();
        Console.WriteLine("| reps | rounds | engine: fastest / median | LINQ: fastest / median | floor: fastest / median | LINQ ÷ engine: median of rounds (fastest ÷ fastest) | engine ÷ floor: median of rounds (fastest ÷ fastest) |");
        Console.WriteLine("|---:|---:|---|---|---|---|---|");
        foreach (var reps in sizes)
        {
            Console.WriteLine(Measure(reps, TimeSpan.FromSeconds(seconds)));
        }

        return 0;
    }

    private static string Measure(int reps, TimeSpan duration)
    {
        Subject[] subjects = [new EngineSubject(reps), new LinqSubject(reps), new FloorSubject(reps)];
        foreach (var subject in subjects)
        {
            subject.Calibrate();
        }

        var rounds = new List<double[]>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration || rounds.Count < 3)
        {
            rounds.Add([.. subjects.Select(s => s.TimeBatch())]);
        }

        var engine = rounds.Select(r => r[0]).ToArray();
        var linq = rounds.Select(r => r[1]).ToArray();
        var floor = rounds.Select(r => r[2]).ToArray();
        var linqOverEngine = Median(rounds.Select(r => r[1] / r[0]));
        var engineOverFloor = Median(rounds.Select(r => r[0] / r[2]));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {reps:N0} | {rounds.Count} | {engine.Min():F1} / {Median(engine):F1} | {linq.Min():F1} / {Median(linq):F1} | {floor.Min():F1} / {Median(floor):F1} | {linqOverEngine:F1}× ({linq.Min() / engine.Min():F1}×) | {engineOverFloor:F2}× ({engine.Min() / floor.Min():F2}×) |");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>One router over its own copy of the roster and the stream; a batch is a loop of route + release.</summary>
    private abstract class Subject
    {
        private int _batch = 1;

        protected int Next { get; set; }

        /// <summary>Warms up (tiered compilation reaches its final code) and sizes a batch to about <see cref="BatchTarget"/>.</summary>
        public void Calibrate()
        {
            for (var round = 0; round < 12; round++)
            {
                var clock = Stopwatch.StartNew();
                RouteAndRelease(_batch);
                var elapsed = clock.Elapsed;
                // At most 100× per step: the first batches run cold code, and a slow router must not get a huge batch.
                var scale = elapsed.Ticks == 0 ? 100 : Math.Min(100, BatchTarget / elapsed);
                _batch = (int)Math.Clamp(_batch * scale, 1, 50_000_000);
            }
        }

        /// <summary>One batch; nanoseconds per route + release.</summary>
        public double TimeBatch()
        {
            var clock = Stopwatch.StartNew();
            RouteAndRelease(_batch);
            return clock.Elapsed.TotalNanoseconds / _batch;
        }

        protected abstract void RouteAndRelease(int count);
    }

    private sealed class EngineSubject : Subject
    {
        private readonly RoutingEngine _engine;
        private readonly Lead[] _leads;

        public EngineSubject(int reps)
        {
            _leads = BenchmarkWorkload.CreateLeads(reps, seed: 42);
            _engine = new RoutingEngine(PipelineBenchmarks.CappedRoster(reps), BenchmarkWorkload.CreatePipeline());
            EngineWarmUp.RouteAll(_engine, _leads, release: true);
        }

        protected override void RouteAndRelease(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var decision = _engine.Route(_leads[Next++ & Mask]);
                _engine.Release(decision.RepId!);
            }
        }
    }

    private sealed class LinqSubject : Subject
    {
        private readonly LinqRouter _router;
        private readonly Lead[] _leads;

        public LinqSubject(int reps)
        {
            var roster = PipelineBenchmarks.CappedRoster(reps);
            _router = new LinqRouter(roster, BenchmarkWorkload.Bands, BenchmarkWorkload.BelowLowestTeam);
            _leads = PipelineBenchmarks.CheckedStream(reps, roster, "the baseline", _router.Route, id => _router.Release(id));
        }

        protected override void RouteAndRelease(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var repId = _router.Route(_leads[Next++ & Mask]);
                _router.Release(repId!);
            }
        }
    }

    private sealed class FloorSubject : Subject
    {
        private readonly FloorRouter _router;
        private readonly Lead[] _leads;

        public FloorSubject(int reps)
        {
            var roster = PipelineBenchmarks.CappedRoster(reps);
            _router = new FloorRouter(roster, maxOpenLeads: 20);
            _leads = PipelineBenchmarks.CheckedStream(reps, roster, "the floor", _router.Route, _router.Release);
        }

        protected override void RouteAndRelease(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var repId = _router.Route(_leads[Next++ & Mask]);
                _router.Release(repId!);
            }
        }
    }
}
