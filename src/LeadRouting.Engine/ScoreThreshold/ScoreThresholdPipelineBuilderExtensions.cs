using LeadRouting.Engine.Internal;
using LeadRouting.Engine.ScoreThreshold;

namespace LeadRouting.Engine;

/// <summary>Adds the score-threshold step to a pipeline.</summary>
public static class ScoreThresholdPipelineBuilderExtensions
{
    /// <summary>
    /// Adds a threshold step: the lead's measure (score, deal value or company size) picks the band whose
    /// [minimum, next minimum) range holds it, and the band's target takes the lead: a team (the pipeline continues
    /// with its reps) or a nested pipeline. Below the lowest band the lead is disqualified, or sent to
    /// <see cref="ScoreThresholdStrategyOptions.BelowLowest"/>. A lead without the measure (null, or a NaN score) leaves
    /// no candidate, reason <see cref="RoutingReason.MissingMeasure"/>, and goes to the pipeline's fallback.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The bands and settings.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">No band, a null band, a minimum that is not a finite number, or bands not strictly ascending; the message names the band.</exception>
    public static RoutingPipelineBuilder AddScoreThreshold(this RoutingPipelineBuilder builder, ScoreThresholdStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        const string Prefix = "ScoreThresholdStrategyOptions";
        StepNames.Validate(options.Name, $"{Prefix}.Name");
        if (!Enum.IsDefined(options.Measure))
        {
            throw new ArgumentException($"{Prefix}.Measure has no meaning: {options.Measure}.", nameof(options));
        }

        if (options.Bands.Count == 0)
        {
            throw new ArgumentException($"{Prefix}.Bands must have at least one band.", nameof(options));
        }

        var bands = options.Bands.ToArray();
        for (var i = 0; i < bands.Length; i++)
        {
            var band = bands[i] ?? throw new ArgumentException($"{Prefix}.Bands[{i}] is null.", nameof(options));
            if (!double.IsFinite(band.Minimum))
            {
                throw new ArgumentException($"{Prefix}.Bands[{i}].Minimum must be a finite number (was {band.Minimum}).", nameof(options));
            }

            if (i > 0 && band.Minimum <= bands[i - 1].Minimum)
            {
                throw new ArgumentException(
                    $"{Prefix}.Bands[{i}].Minimum ({band.Minimum}) must be greater than Bands[{i - 1}].Minimum ({bands[i - 1].Minimum}): list bands from lowest to highest, without repeats.",
                    nameof(options));
            }
        }

        return builder.AddStep(new Definition(options.Name, options.Measure, bands, options.BelowLowest));
    }

    private sealed class Definition(string name, LeadMeasure measure, ScoreBand[] bands, RoutingTarget? belowLowest) : StepDefinition(name)
    {
        public override CompiledStep CompileStep(CompileContext context, string path)
        {
            var minimums = new double[bands.Length];
            var targets = new CompiledTarget[bands.Length];
            for (var i = 0; i < bands.Length; i++)
            {
                minimums[i] = bands[i].Minimum;
                targets[i] = CompiledTarget.Compile(bands[i].Target, context, $"{path}.Bands[{i}].Target");
            }

            var below = belowLowest is null ? null : CompiledTarget.Compile(belowLowest, context, $"{path}.BelowLowest");
            return new ScoreThresholdStep(Name, measure, minimums, targets, below);
        }
    }
}
