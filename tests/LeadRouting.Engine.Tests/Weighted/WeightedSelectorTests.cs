using LeadRouting.Engine;

namespace LeadRouting.Engine.Tests.Weighted;

public class WeightedSelectorTests
{
    [Fact]
    public void Weights_5_1_1_interleave_smoothly_rather_than_in_a_burst()
    {
        var roster = new Roster([new Rep("a") { Weight = 5 }, new Rep("b") { Weight = 1 }, new Rep("c") { Weight = 1 }]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddWeighted().Build());

        var picks = Enumerable.Range(0, 14).Select(i => engine.Route(new Lead($"l{i}")).RepId);

        Assert.Equal("a a b a c a a a a b a c a a".Split(' '), picks);
    }
}
