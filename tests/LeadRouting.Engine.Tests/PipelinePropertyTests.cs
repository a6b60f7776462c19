using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests;

/// <summary>
/// DESIGN §4, "always, for every pipeline", over random pipelines: a random subset, in random order, of score threshold
/// (bands to teams), territory and capacity (plain or least-loaded), ending in round-robin or weighted, with a random
/// fallback (none, a team, a rep); random reps (territories, weights, caps, initially inactive ones) and a random stream
/// of routes, releases, SetActive switches and clock advances.
/// </summary>
public class PipelinePropertyTests
{
    /// <summary>
    /// Every assignment goes to an active rep with room under its caps; without the fallback, to one of the final
    /// candidates (covers the lead if there is a territory step, is in the band's team (and TeamId is that team) if there
    /// is a threshold step, has a positive weight if the selector is weighted); through a fallback, to the fallback's team
    /// or rep. A disqualification only happens below the lowest band. Counters match the model.
    /// </summary>
    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)]
    public void Assignments_go_to_active_reps_with_room_among_the_final_candidates(Scenario s)
    {
        Run(s, replay: false);
    }

    /// <summary>Two engines with the same roster, pipeline and operation sequence (interleaved) make identical decisions.</summary>
    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)]
    public void The_same_roster_and_operation_sequence_give_the_same_decisions(Scenario s)
    {
        Run(s, replay: true);
    }

    /// <summary>
    /// The same invariants and replay with the scenario's reps behind 0-249 inactive padding reps, so they sit in any of a
    /// roster's first four 64-rep words and the padding is never picked.
    /// </summary>
    [Property(Arbitrary = [typeof(PaddedScenario)], MaxTest = 500)]
    public void Reps_behind_inactive_padding_keep_every_invariant(Scenario s)
    {
        Run(s, replay: true);
    }

    private static void Run(Scenario s, bool replay)
    {
        var n = s.Reps.Length;
        var p = s.Pipeline;
        var pipeline = s.Build();
        var time = new FakeTimeProvider(TestClock.Start);
        var engine = Support.Build.Engine(s.RepObjects(), pipeline, s.Teams(), time);
        var twin = replay ? Support.Build.Engine(s.RepObjects(), pipeline, s.Teams(), time) : null;
        var active = s.Reps.Select(r => r.Active).ToArray();
        var open = new long[n];
        var today = new int[n];
        var day = Day(time);
        var step = 0;
        foreach (var op in s.Ops)
        {
            step++;
            var at = $"step {step} ({op.Describe(n)})";
            switch (op.Kind)
            {
                case OpKind.Release:
                    var r = op.Rep % n;
                    var released = engine.Release(Support.Build.RepId(r));
                    if (twin is not null)
                    {
                        Assert.True(twin.Release(Support.Build.RepId(r)) == released, $"{at}: the two engines disagree on Release");
                    }

                    Assert.True(released == open[r] > 0, $"{at}: Release returned {released} with {open[r]} open");
                    open[r] -= released ? 1 : 0;
                    continue;
                case OpKind.SetActive:
                    var a = op.Rep % n;
                    engine.SetActive(Support.Build.RepId(a), op.Active);
                    twin?.SetActive(Support.Build.RepId(a), op.Active);
                    active[a] = op.Active;
                    continue;
                case OpKind.Advance:
                    time.Advance(TimeSpan.FromHours(op.Hours));
                    if (Day(time) != day)
                    {
                        day = Day(time);
                        Array.Clear(today);
                    }

                    continue;
            }

            var lead = op.Lead.ToLead("l" + step, op.Score is { } sc ? sc : double.NaN);
            var d = engine.Route(lead);
            at += $" -> {d}";
            if (twin is not null)
            {
                var e = twin.Route(lead);
                Assert.True(d == e, $"{at}: the replaying engine decided {e}");
            }

            if (d.Outcome == RoutingOutcome.Disqualified)
            {
                Assert.True(
                    p.Filters.Contains(Filter.Threshold) && !p.BelowLowest && op.Score < p.Minimums[0] && d.Reason == RoutingReason.BelowThreshold,
                    $"{at}: disqualified, but the lead is not below the lowest band");
            }

            if (!d.IsAssigned)
            {
                continue;
            }

            var i = Support.Build.RepIndex(d.RepId);
            Assert.True(d.RepId![0] == 'r', $"{at}: assigned to the padding rep {d.RepId}");
            var rep = s.Reps[i];
            Assert.True(active[i], $"{at}: {d.RepId} is inactive");
            Assert.True(
                open[i] < (rep.MaxOpen ?? int.MaxValue) && (rep.MaxDaily is not { } daily || today[i] < daily),
                $"{at}: {d.RepId} had no room (open {open[i]}, today {today[i]}, {rep})");
            if (d.UsedFallback)
            {
                if (p.Fallback == FallbackKind.Team)
                {
                    var team = p.FallbackTarget % s.TeamMasks.Length;
                    Assert.True(s.Members(team).Contains(i) && d.TeamId == Scenario.TeamId(team), $"{at}: the fallback is team {Scenario.TeamId(team)}");
                }
                else
                {
                    Assert.True(p.Fallback == FallbackKind.Rep && i == p.FallbackTarget % n, $"{at}: the fallback is {p.Fallback} {p.FallbackTarget}");
                }
            }
            else
            {
                if (p.Filters.Contains(Filter.Territory))
                {
                    Assert.True(TerritoryModel.Covers(rep.Territories, op.Lead), $"{at}: {d.RepId}'s territories {Fmt.List(rep.Territories)} do not cover {op.Lead}");
                }

                if (p.Filters.Contains(Filter.Threshold))
                {
                    var band = Array.FindLastIndex(p.Minimums, m => op.Score >= m);
                    var team = band >= 0 ? p.BandTeams[band] : 0;
                    Assert.True(band >= 0 || p.BelowLowest, $"{at}: below the lowest band without a BelowLowest target, yet assigned");
                    Assert.True(s.Members(team).Contains(i) && d.TeamId == Scenario.TeamId(team), $"{at}: score {op.Score} belongs to {(band >= 0 ? "band " + band : "below lowest")}, team {Scenario.TeamId(team)} {Fmt.List(s.Members(team).Select(Support.Build.RepId))}");
                }

                if (p.Weighted)
                {
                    Assert.True(rep.Weight > 0, $"{at}: the weighted selector picked {d.RepId}, whose weight is 0");
                }
            }

            open[i]++;
            today[i]++;
            Assert.True(engine.TryGetStatus(d.RepId!, out var status) && status.OpenLeads == open[i], $"{at}: {d.RepId} has {status.OpenLeads} open leads, model {open[i]}");
        }
    }

    private static int Day(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber;

    public enum Filter
    {
        Threshold,
        Territory,
        Capacity,
    }

    public enum FallbackKind
    {
        None,
        Team,
        Rep,
    }

    public enum OpKind
    {
        Route,
        Release,
        SetActive,
        Advance,
    }

    public sealed record PRep(TerritorySpec[] Territories, int Weight, int? MaxOpen, int? MaxDaily, bool Active)
    {
        public static Gen<PRep> Generator =>
            from territories in TerritorySpec.ListGenerator
            from weight in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 4)))
            from open in Gen.Frequency((2, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 4).Select(x => (int?)x)))
            from daily in Gen.Frequency((3, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 5).Select(x => (int?)x)))
            from isActive in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
            select new PRep(territories, weight, open, daily, isActive);

        public IEnumerable<PRep> Shrink() =>
            Support.Shrink.Bool(Active, true).Select(x => this with { Active = x })
                .Concat(Support.Shrink.Cap(MaxOpen).Select(x => this with { MaxOpen = x }))
                .Concat(Support.Shrink.Cap(MaxDaily).Select(x => this with { MaxDaily = x }))
                .Concat(Support.Shrink.Toward(Weight, 1).Select(x => this with { Weight = x }))
                .Concat(Support.Shrink.Array(Territories, t => t.Shrink()).Select(x => this with { Territories = x }));

        public override string ToString() =>
            $"{Fmt.List(Territories)} w{Weight} open<={Fmt.Cap(MaxOpen)} day<={Fmt.Cap(MaxDaily)}{(Active ? string.Empty : " inactive")}";
    }

    public sealed record PipelineSpec(
        Filter[] Filters, bool LeastLoaded, bool Weighted, FallbackKind Fallback, int FallbackTarget, int BandStart, int[] BandGaps, int[] BandTeams, bool BelowLowest)
    {
        public static Gen<PipelineSpec> Generator(int teams) =>
            from order in Gen.Shuffle(new[] { Filter.Threshold, Filter.Territory, Filter.Capacity })
            from count in Gen.Choose(0, 3)
            from leastLoaded in Gen.Elements(false, true)
            from weighted in Gen.Elements(false, true)
            from fallback in Gen.Frequency((3, Gen.Constant(FallbackKind.None)), (1, Gen.Constant(FallbackKind.Team)), (1, Gen.Constant(FallbackKind.Rep)))
            from target in Gen.Choose(0, 7)
            from start in Gen.Choose(0, 10)
            from gaps in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 8), n))
            from bandTeams in Gen.ArrayOf(Gen.Choose(0, teams - 1), gaps.Length + 1)
            from below in Gen.Elements(false, true)
            select new PipelineSpec([.. order.Take(count)], leastLoaded, weighted, fallback, target, start, gaps, bandTeams, below);

        public int[] Minimums
        {
            get
            {
                var m = new List<int> { BandStart };
                foreach (var g in BandGaps)
                {
                    m.Add(m[^1] + g);
                }

                return [.. m];
            }
        }

        public IEnumerable<PipelineSpec> Shrink() =>
            Support.Shrink.Array(Filters, _ => Enumerable.Empty<Filter>()).Select(x => this with { Filters = x })
                .Concat(Support.Shrink.Bool(LeastLoaded, false).Select(x => this with { LeastLoaded = x }))
                .Concat(Support.Shrink.Bool(Weighted, false).Select(x => this with { Weighted = x }))
                .Concat(Fallback == FallbackKind.None ? [] : [this with { Fallback = FallbackKind.None }])
                .Concat(Support.Shrink.Toward(FallbackTarget, 0).Select(x => this with { FallbackTarget = x }))
                .Concat(Support.Shrink.Bool(BelowLowest, false).Select(x => this with { BelowLowest = x }))
                .Concat(Enumerable.Range(0, BandGaps.Length).Select(i => this with { BandGaps = [.. BandGaps[..i], .. BandGaps[(i + 1)..]], BandTeams = [.. BandTeams[..(i + 1)], .. BandTeams[(i + 2)..]] }))
                .Concat(Support.Shrink.Toward(BandStart, 0).Select(x => this with { BandStart = x }))
                .Concat(Support.Shrink.Array(BandTeams, t => Support.Shrink.Toward(t, 0)).Where(t => t.Length == BandTeams.Length).Select(x => this with { BandTeams = x }));
    }

    public sealed record Op(OpKind Kind, LeadSpec Lead, int? Score, int Rep, bool Active, int Hours)
    {
        public static Gen<Op> Generator =>
            from kind in Gen.Frequency((8, Gen.Constant(OpKind.Route)), (2, Gen.Constant(OpKind.Release)), (2, Gen.Constant(OpKind.SetActive)), (1, Gen.Constant(OpKind.Advance)))
            from lead in LeadSpec.Generator
            from score in Gen.Frequency((12, Gen.Choose(-3, 30).Select(x => (int?)x)), (1, Gen.Constant<int?>(null)))
            from rep in Gen.Choose(0, 7)
            from isActive in Gen.Elements(false, true)
            from hours in Gen.Choose(1, 30)
            select new Op(kind, lead, score, rep, isActive, hours);

        public IEnumerable<Op> Shrink() =>
            (Kind == OpKind.Route ? Lead.Shrink().Select(x => this with { Lead = x }) : [])
                .Concat(Kind == OpKind.Route && Score is { } sc ? Support.Shrink.Toward(sc, 0).Select(x => this with { Score = x }) : [])
                .Concat(Kind is OpKind.Release or OpKind.SetActive ? Support.Shrink.Toward(Rep, 0).Select(x => this with { Rep = x }) : [])
                .Concat(Kind == OpKind.Advance ? Support.Shrink.Toward(Hours, 1).Select(x => this with { Hours = x }) : []);

        public string Describe(int reps) => Kind switch
        {
            OpKind.Route => $"route {Lead} score {(Score is { } s ? s : "NaN")}",
            OpKind.Release => $"release r{Rep % reps}",
            OpKind.SetActive => $"{(Active ? "activate" : "deactivate")} r{Rep % reps}",
            _ => $"+{Hours}h",
        };
    }

    /// <summary>
    /// As <see cref="Scenario.Arbitrary"/>, the reps placed after 0-249 inactive padding reps, so they sit in any of a route
    /// plan's four words. Its own class: a type given to [Property(Arbitrary = ...)] must hold one arbitrary per type.
    /// </summary>
    public static class PaddedScenario
    {
        public static Arbitrary<Scenario> Arbitrary => PropertyRunner.Arbitrary(
            from s in Scenario.Generator
            from padding in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(57, 64)), (2, Gen.Choose(65, 249)))
            select s with { Padding = padding },
            s => s.Shrink().Concat(Support.Shrink.Toward(s.Padding, 0).Select(x => s with { Padding = x })),
            Scenario.Valid);
    }

    public sealed record Scenario(PRep[] Reps, int[] TeamMasks, PipelineSpec Pipeline, Op[] Ops)
    {
        public static Arbitrary<Scenario> Arbitrary => PropertyRunner.Arbitrary(Generator, s => s.Shrink(), Valid);

        internal static Gen<Scenario> Generator =>
            from reps in Gen.Choose(1, 7).SelectMany(n => Gen.ArrayOf(PRep.Generator, n))
            from teams in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 127), n))
            from pipeline in PipelineSpec.Generator(teams.Length)
            from ops in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Op.Generator, n))
            select new Scenario(reps, teams, pipeline, ops);

        /// <summary>Inactive reps ("p0", "p1", ...) ahead of the scenario's reps in the roster: never candidates, but they move the reps' positions.</summary>
        public int Padding { get; init; }

        internal static bool Valid(Scenario s) =>
            s.Pipeline.BandTeams.All(t => t < s.TeamMasks.Length) && s.Pipeline.BandTeams.Length == s.Pipeline.BandGaps.Length + 1;

        public static string TeamId(int team) => "t" + team;

        public IEnumerable<int> Members(int team) => Enumerable.Range(0, Reps.Length).Where(i => (TeamMasks[team] & (1 << i)) != 0);

        public IEnumerable<Rep> RepObjects() => Enumerable.Range(0, Padding).Select(k => new Rep("p" + k) { IsActive = false, Weight = k % 3 })
            .Concat(Reps.Select((r, i) => new Rep(Support.Build.RepId(i))
            {
                Territories = [.. r.Territories.Select(t => t.ToTerritory())],
                Weight = r.Weight,
                MaxOpenLeads = r.MaxOpen,
                MaxLeadsPerDay = r.MaxDaily,
                IsActive = r.Active,
            }));

        public IEnumerable<Team> Teams() => TeamMasks.Select((_, t) => new Team(TeamId(t), Members(t).Select(Support.Build.RepId)));

        public RoutingPipeline Build()
        {
            var p = Pipeline;
            var b = new RoutingPipelineBuilder();
            foreach (var f in p.Filters)
            {
                switch (f)
                {
                    case Filter.Threshold:
                        var options = new ScoreThresholdStrategyOptions();
                        var minimums = p.Minimums;
                        for (var band = 0; band < minimums.Length; band++)
                        {
                            options.Bands.Add(new ScoreBand(minimums[band], RoutingTarget.Team(TeamId(p.BandTeams[band]))));
                        }

                        options.BelowLowest = p.BelowLowest ? RoutingTarget.Team(TeamId(0)) : null;
                        b.AddScoreThreshold(options);
                        break;
                    case Filter.Territory:
                        b.AddTerritory();
                        break;
                    default:
                        b.AddCapacity(new CapacityStrategyOptions { PreferLeastLoaded = p.LeastLoaded });
                        break;
                }
            }

            switch (p.Fallback)
            {
                case FallbackKind.Team:
                    b.WithFallback(RoutingFallback.ToTeam(TeamId(p.FallbackTarget % TeamMasks.Length)));
                    break;
                case FallbackKind.Rep:
                    b.WithFallback(RoutingFallback.ToRep(Support.Build.RepId(p.FallbackTarget % Reps.Length)));
                    break;
            }

            return (p.Weighted ? b.AddWeighted() : b.AddRoundRobin()).Build();
        }

        public IEnumerable<Scenario> Shrink() =>
            Support.Shrink.Array(Ops, o => o.Shrink()).Select(x => this with { Ops = x })
                .Concat(Pipeline.Shrink().Select(x => this with { Pipeline = x }))
                .Concat(Support.Shrink.Array(Reps, r => r.Shrink(), minLength: 1).Select(x => this with { Reps = x }))
                .Concat(Support.Shrink.Array(TeamMasks, Support.Shrink.Bits, minLength: 1).Select(x => this with { TeamMasks = x }));

        public override string ToString()
        {
            var p = Pipeline;
            var steps = p.Filters.Select(f => f switch
            {
                Filter.Threshold => $"Threshold({Fmt.List(p.Minimums.Select((m, b) => $">={m}: {TeamId(p.BandTeams[b])}"))}{(p.BelowLowest ? ", below: t0" : string.Empty)})",
                Filter.Territory => "Territory",
                _ => p.LeastLoaded ? "Capacity(least-loaded)" : "Capacity",
            }).Append(p.Weighted ? "Weighted" : "RoundRobin");
            var fallback = p.Fallback switch
            {
                FallbackKind.Team => $", fallback team {TeamId(p.FallbackTarget % TeamMasks.Length)}",
                FallbackKind.Rep => $", fallback rep r{p.FallbackTarget % Reps.Length}",
                _ => string.Empty,
            };
            return $"pipeline {string.Join(" -> ", steps)}{fallback}; {(Padding > 0 ? $"{Padding} inactive padding reps first; " : string.Empty)}reps {Fmt.List(Reps.Select((r, i) => $"r{i} {r}"))}; "
                + $"teams {Fmt.List(TeamMasks.Select((_, t) => $"{TeamId(t)} {Fmt.List(Members(t).Select(Support.Build.RepId))}"))}; ops {Fmt.List(Ops.Select(o => o.Describe(Reps.Length)))}";
        }
    }
}
