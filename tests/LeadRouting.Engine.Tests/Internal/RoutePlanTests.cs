using LeadRouting.Engine.Benchmarks;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Internal;

/// <summary>
/// Which rosters and pipelines get the straight-line route plan (RoutePlan), and a spelled-out route through its hand-off to
/// the general route's fallback. That the plan decides as the general route does, over random pipelines and operations,
/// is <see cref="PipelinePropertyTests.The_route_plan_decides_as_the_general_route"/>.
/// </summary>
public class RoutePlanTests
{
    [Fact]
    public void The_benchmark_pipeline_has_a_plan_up_to_256_reps_and_none_above()
    {
        Assert.True(Engine(10, BenchmarkWorkload.CreatePipeline()).HasRoutePlan);
        Assert.True(Engine(65, BenchmarkWorkload.CreatePipeline()).HasRoutePlan);
        Assert.True(Engine(256, BenchmarkWorkload.CreatePipeline()).HasRoutePlan);
        Assert.False(Engine(257, BenchmarkWorkload.CreatePipeline()).HasRoutePlan);
    }

    [Fact]
    public void Filters_ending_in_a_plain_capacity_check_and_rotation_or_weighted_selection_have_a_plan()
    {
        Assert.True(Engine(10, new RoutingPipelineBuilder().AddRoundRobin().Build()).HasRoutePlan);
        Assert.True(Engine(10, new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build()).HasRoutePlan);
        Assert.True(Engine(10, new RoutingPipelineBuilder().AddScoreThreshold(BenchmarkWorkload.ScoreTiers()).AddWeighted().Build()).HasRoutePlan);
    }

    [Fact]
    public void Steps_the_plan_does_not_make_leave_the_pipeline_to_the_general_route()
    {
        // Least-loaded preference, a capacity check another filter follows, territory branches, skills.
        Assert.False(Engine(10, new RoutingPipelineBuilder().AddCapacity(new() { PreferLeastLoaded = true }).AddWeighted().Build()).HasRoutePlan);
        Assert.False(Engine(10, new RoutingPipelineBuilder().AddCapacity().AddTerritory().AddWeighted().Build()).HasRoutePlan);
        Assert.False(Engine(10, new RoutingPipelineBuilder().AddSkills().AddWeighted().Build()).HasRoutePlan);
        var branch = new TerritoryBranchStrategyOptions();
        branch.Routes.Add(new TerritoryRoute(Territory.ForCountry("US"), RoutingTarget.Team(BenchmarkWorkload.Enterprise)));
        Assert.False(Engine(10, new RoutingPipelineBuilder().AddTerritoryBranch(branch).AddWeighted().Build()).HasRoutePlan);
    }

    /// <summary>
    /// a and b (weight 1, one open lead each) take the first two leads. The third: the selection proposes a, then b, finds
    /// both full (the deferred capacity check) and has only c left, whose weight is 0, so the weighted step has nobody it
    /// may pick; the pipeline's fallback team (c) takes the lead, and the reason is the weighted step's, not the capacity
    /// step's, because c had room.
    /// </summary>
    [Fact]
    public void A_selection_that_finds_its_reps_full_ends_in_the_fallback_as_the_general_route_does()
    {
        Rep[] reps = [new("a") { MaxOpenLeads = 1 }, new("b") { MaxOpenLeads = 1 }, new("c") { Weight = 0 }];
        var pipeline = new RoutingPipelineBuilder().AddCapacity().AddWeighted().WithFallback(RoutingFallback.ToTeam("spare")).Build();
        var planned = Build.Engine(reps, pipeline, [new Team("spare", ["c"])]);
        var general = Build.Engine(reps, pipeline, [new Team("spare", ["c"])], plans: false);
        Assert.True(planned.HasRoutePlan);
        Assert.False(general.HasRoutePlan);

        var decisions = new List<RoutingDecision>();
        for (var i = 0; i < 3; i++)
        {
            var lead = new Lead("l" + i);
            var d = planned.Route(lead);
            Assert.Equal(general.Route(lead), d);
            decisions.Add(d);
        }

        Assert.Equal(["a", "b"], decisions.Take(2).Select(d => d.RepId).Order());
        var third = decisions[2];
        Assert.Equal(RoutingOutcome.Assigned, third.Outcome);
        Assert.Equal("c", third.RepId);
        Assert.Equal("spare", third.TeamId);
        Assert.True(third.UsedFallback);
        Assert.Equal("Weighted", third.StepName);
        Assert.Equal(RoutingReason.NoPositiveWeight, third.Reason);
    }

    private static RoutingEngine Engine(int reps, RoutingPipeline pipeline) =>
        new(BenchmarkWorkload.CreateRoster(reps, maxOpenLeads: 20, maxLeadsPerDay: null), pipeline);
}
