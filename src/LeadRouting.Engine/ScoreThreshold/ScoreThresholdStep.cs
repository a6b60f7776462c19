using System.Runtime.CompilerServices;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.ScoreThreshold;

/// <summary>Sends the lead to the band its measure falls in; bands are total and ordered, so exactly one band (or "below") applies.</summary>
internal sealed class ScoreThresholdStep(string name, LeadMeasure measure, double[] minimums, CompiledTarget[] targets, CompiledTarget? belowLowest)
    : CompiledStep(name)
{
    public override StepResult Apply(ref RouteContext context)
    {
        var value = Measure(context.Lead);

        if (double.IsNaN(value))
        {
            context.Trace?.Note(NoMeasure());
            return StepResult.NoCandidates(RoutingReason.MissingMeasure);
        }

        for (var band = minimums.Length - 1; band >= 0; band--)
        {
            if (value >= minimums[band])
            {
                if (context.Trace is { } trace)
                {
                    trace.Note(InBand(value, band, context.Snapshot));
                }

                return targets[band].Apply(ref context);
            }
        }

        if (context.Trace is { } below)
        {
            below.Note(BelowLowest(value, context.Snapshot));
        }

        return belowLowest is null ? StepResult.Disqualify(RoutingReason.BelowThreshold) : belowLowest.Apply(ref context);
    }

    /// <summary>A band drops the reps outside its team; a lead without the measure drops everyone.</summary>
    public override DropReason WhyDropped(int position, ref RouteContext context) =>
        double.IsNaN(Measure(context.Lead)) ? DropReason.NoRuleForLead : DropReason.NotInTeam;

    // The explanation's notes are formatted out of line: an interpolated string in Apply gave it a 376-byte frame to
    // zero on every route, traced or not.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string NoMeasure() => $"the lead has no {measure}";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string InBand(double value, int band, EngineSnapshot snapshot) =>
        $"{measure} {value} is in band {band} (>= {minimums[band]}{(band + 1 < minimums.Length ? $", < {minimums[band + 1]}" : string.Empty)}) -> {targets[band].Describe(snapshot)}";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string BelowLowest(double value, EngineSnapshot snapshot) =>
        $"{measure} {value} is below the lowest band (>= {minimums[0]}) -> {(belowLowest is null ? "disqualified" : belowLowest.Describe(snapshot))}";

    private double Measure(Lead lead) => measure switch
    {
        LeadMeasure.DealValue => lead.DealValue is { } deal ? (double)deal : double.NaN,
        LeadMeasure.CompanySize => lead.CompanySize ?? double.NaN,
        _ => lead.Score ?? double.NaN,
    };
}
