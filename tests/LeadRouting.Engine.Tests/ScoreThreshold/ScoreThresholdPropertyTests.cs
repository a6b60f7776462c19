using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.ScoreThreshold;

/// <summary>
/// DESIGN §4, score threshold: bands are total and ordered ([min, next min), the last unbounded); a lead below a band's
/// minimum never reaches its team; below the lowest band a lead is disqualified (or goes to BelowLowest). Checked for the
/// three measures, with values on, just under and just over every boundary.
/// </summary>
public class ScoreThresholdPropertyTests
{
    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)]
    public void Every_lead_lands_in_exactly_the_band_the_reference_model_says(Scenario s)
    {
        var options = new ScoreThresholdStrategyOptions { Measure = s.Measure };
        var minimums = s.Minimums;
        for (var b = 0; b < minimums.Length; b++)
        {
            options.Bands.Add(new ScoreBand(s.Unit(minimums[b]), RoutingTarget.Team(BandTeam(b))));
        }

        if (s.BelowLowest)
        {
            options.BelowLowest = RoutingTarget.Team("nurture");
        }

        var reps = Enumerable.Range(0, s.RepCount).Select(i => new Rep(Build.RepId(i)));
        var teams = s.TeamMasks.Select((mask, b) => new Team(b < minimums.Length ? BandTeam(b) : "nurture", s.Members(mask).Select(Build.RepId)));
        var engine = Build.Engine(reps, new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().Build(), teams);

        var step = 0;
        foreach (var units in s.Values)
        {
            step++;
            var lead = s.Lead("l" + step, units);
            var d = engine.Route(lead);
            var what = $"lead {step} ({s.Describe(units)}) -> {d}";
            if (units is null && s.Measure == LeadMeasure.Score)
            {
                Assert.True(d.Outcome == RoutingOutcome.Unassigned && d.Reason == RoutingReason.MissingMeasure && d.TeamId is null, what + ": a NaN score has no band");
                continue;
            }

            var value = units ?? 0;
            var band = Array.FindLastIndex(minimums, m => value >= m);

            // The invariant itself: a lead never reaches the team of a band whose minimum it is below.
            for (var b = 0; b < minimums.Length; b++)
            {
                Assert.False(value < minimums[b] && d.TeamId == BandTeam(b), what + $": below band {b}'s minimum {s.Describe(minimums[b])} but reached its team");
            }

            if (band < 0)
            {
                if (s.BelowLowest)
                {
                    Assert.True(d.IsAssigned && d.TeamId == "nurture" && s.Members(s.TeamMasks[^1]).Contains(Build.RepIndex(d.RepId)), what + ": below the lowest band, expected team nurture");
                }
                else
                {
                    Assert.True(
                        d.Outcome == RoutingOutcome.Disqualified && d.Reason == RoutingReason.BelowThreshold && d.RepId is null && d.TeamId is null,
                        what + ": below the lowest band, expected Disqualified/BelowThreshold");
                }

                continue;
            }

            Assert.True(d.IsAssigned && d.TeamId == BandTeam(band), what + $": expected band {band} (team {BandTeam(band)})");
            Assert.Contains(Build.RepIndex(d.RepId), s.Members(s.TeamMasks[band]));
        }
    }

    private static string BandTeam(int band) => "band" + band;

    /// <summary>
    /// Minimums and lead values are integers of "units": half-points for Score and DealValue, whole employees for
    /// CompanySize, so every boundary is exact. A null value is a NaN score (or 0 for the other measures).
    /// </summary>
    public sealed record Scenario(LeadMeasure Measure, int Start, int[] Gaps, bool BelowLowest, int RepCount, int[] TeamMasks, int?[] Values)
    {
        public static Arbitrary<Scenario> Arbitrary => PropertyRunner.Arbitrary(
            from measure in Gen.Elements(LeadMeasure.Score, LeadMeasure.DealValue, LeadMeasure.CompanySize)
            from start in Gen.Choose(-20, 20)
            from gaps in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 10), n))
            from below in Gen.Elements(false, true)
            from reps in Gen.Choose(1, 6)
            from masks in Gen.ArrayOf(Gen.Choose(1, 63), gaps.Length + 2)
            from values in Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(ValueGen(start, gaps), n))
            select new Scenario(measure, start, gaps, below, reps, masks, values),
            s => s.Shrink(),
            s => s.TeamMasks.Length == s.Gaps.Length + 2);

        /// <summary>Ascending minimums, in units.</summary>
        public int[] Minimums
        {
            get
            {
                var m = new int[Gaps.Length + 1];
                m[0] = Start;
                for (var i = 0; i < Gaps.Length; i++)
                {
                    m[i + 1] = m[i] + Gaps[i];
                }

                return m;
            }
        }

        public double Unit(int units) => Measure == LeadMeasure.CompanySize ? units : units / 2.0;

        /// <summary>Team members: the mask's bits within the roster, or the first rep when none is.</summary>
        public IEnumerable<int> Members(int mask)
        {
            var members = Enumerable.Range(0, RepCount).Where(i => (mask & (1 << i)) != 0).ToArray();
            return members.Length > 0 ? members : [0];
        }

        public Lead Lead(string id, int? units) => Measure switch
        {
            LeadMeasure.Score => new Lead(id) { Score = units is { } u ? u / 2.0 : double.NaN },
            LeadMeasure.DealValue => new Lead(id) { DealValue = (units ?? 0) / 2m },
            _ => new Lead(id) { CompanySize = units ?? 0 },
        };

        public string Describe(int? units) => units is { } u ? $"{Measure} {Unit(u)}" : $"{Measure} {(Measure == LeadMeasure.Score ? "NaN" : "0")}";

        public IEnumerable<Scenario> Shrink() =>
            Support.Shrink.Array(Values, v => v is { } x ? new int?[] { null }.Concat(Support.Shrink.Toward(x, 0).Select(y => (int?)y)) : [], minLength: 1)
                .Select(x => this with { Values = x })
                .Concat(Enumerable.Range(0, Gaps.Length).Select(i => this with { Gaps = [.. Gaps[..i], .. Gaps[(i + 1)..]], TeamMasks = [.. TeamMasks[..(i + 1)], .. TeamMasks[(i + 2)..]] }))
                .Concat(Support.Shrink.Array(Gaps, g => Support.Shrink.Toward(g, 1)).Where(g => g.Length == Gaps.Length).Select(x => this with { Gaps = x }))
                .Concat(Support.Shrink.Toward(Start, 0).Select(x => this with { Start = x }))
                .Concat(Support.Shrink.Bool(BelowLowest, false).Select(x => this with { BelowLowest = x }))
                .Concat(Support.Shrink.Toward(RepCount, 1).Select(x => this with { RepCount = x }))
                .Concat(Support.Shrink.Array(TeamMasks, Support.Shrink.Bits).Where(m => m.Length == TeamMasks.Length).Select(x => this with { TeamMasks = x }))
                .Concat(Measure == LeadMeasure.Score ? [] : [this with { Measure = LeadMeasure.Score }]);

        public override string ToString() =>
            $"{Measure} bands {Fmt.List(Minimums.Select((m, b) => $">= {Unit(m)}: band{b} {Fmt.List(Members(TeamMasks[b]).Select(Build.RepId))}"))}"
            + (BelowLowest ? $", below lowest: nurture {Fmt.List(Members(TeamMasks[^1]).Select(Build.RepId))}" : ", below lowest: disqualified")
            + $", {RepCount} reps, values {Fmt.List(Values.Select(v => v is { } u ? Unit(u).ToString(System.Globalization.CultureInfo.InvariantCulture) : "NaN/0"))}";

        /// <summary>Values on, just under and just over a boundary, anywhere in (and around) the banded range, or NaN.</summary>
        private static Gen<int?> ValueGen(int start, int[] gaps)
        {
            var minimums = new List<int> { start };
            foreach (var g in gaps)
            {
                minimums.Add(minimums[^1] + g);
            }

            return Gen.Frequency(
                (4, from m in Gen.Elements(minimums.ToArray()) from d in Gen.Choose(-1, 1) select (int?)(m + d)),
                (3, Gen.Choose(start - 10, minimums[^1] + 10).Select(v => (int?)v)),
                (1, Gen.Constant<int?>(null)));
        }
    }
}
