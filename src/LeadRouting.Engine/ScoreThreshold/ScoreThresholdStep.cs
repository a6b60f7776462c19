using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.ScoreThreshold;

/// <summary>Sends the lead to the band its measure falls in; bands are total and ordered, so exactly one band (or "below") applies.</summary>
internal sealed class ScoreThresholdStep(string name, LeadMeasure measure, double[] minimums, CompiledTarget[] targets, CompiledTarget? belowLowest)
    : CompiledStep(name)
{
    public override StepResult Apply(ref RouteContext context)
    {
        var lead = context.Lead;
        var value = measure switch
        {
            LeadMeasure.DealValue => lead.DealValue is { } deal ? (double)deal : double.NaN,
            LeadMeasure.CompanySize => lead.CompanySize ?? double.NaN,
            _ => lead.Score ?? double.NaN,
        };

        if (double.IsNaN(value))
        {
            return StepResult.NoCandidates(RoutingReason.MissingMeasure);
        }

        for (var band = minimums.Length - 1; band >= 0; band--)
        {
            if (value >= minimums[band])
            {
                return targets[band].Apply(ref context);
            }
        }

        return belowLowest is null ? StepResult.Disqualify(RoutingReason.BelowThreshold) : belowLowest.Apply(ref context);
    }
}
