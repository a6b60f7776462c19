using LeadRouting.Engine.Internal;
using LeadRouting.Engine.Skills;

namespace LeadRouting.Engine;

/// <summary>Adds the skills filter to a pipeline.</summary>
public static class SkillPipelineBuilderExtensions
{
    /// <summary>
    /// Adds a skills filter: when the lead has a value in <see cref="SkillStrategyOptions.Field"/>, keeps only the reps
    /// whose <see cref="Rep.Skills"/> include it (after <see cref="SkillStrategyOptions.SkillPrefix"/>; case and surrounding
    /// white space are ignored). A lead without a value needs no skill and keeps every candidate. When no candidate has the
    /// skill the lead goes to the pipeline's fallback with <see cref="RoutingReason.NoSkillMatch"/>. Composes with the
    /// other filters in any order; each skill is its own group of peers for the weighted selector.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">Options; default <see cref="SkillStrategyOptions"/> defaults (the lead's language).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">
    /// The options' <c>Name</c> is empty, <c>Field</c> is undefined, <c>AttributeKey</c> is missing for
    /// <see cref="SkillLeadField.Attribute"/> or set for another field, or <c>SkillPrefix</c> is null.
    /// </exception>
    public static RoutingPipelineBuilder AddSkills(this RoutingPipelineBuilder builder, SkillStrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new SkillStrategyOptions();
        const string Prefix = "SkillStrategyOptions";
        StepNames.Validate(options.Name, $"{Prefix}.Name");
        if (!Enum.IsDefined(options.Field))
        {
            throw new ArgumentException($"{Prefix}.Field has no meaning: {options.Field}.", nameof(options));
        }

        if (options.Field == SkillLeadField.Attribute && string.IsNullOrWhiteSpace(options.AttributeKey))
        {
            throw new ArgumentException($"{Prefix}.AttributeKey must name the attribute when Field is Attribute.", nameof(options));
        }

        if (options.Field != SkillLeadField.Attribute && options.AttributeKey is not null)
        {
            throw new ArgumentException($"{Prefix}.AttributeKey is only read when Field is Attribute (Field is {options.Field}).", nameof(options));
        }

        if (options.SkillPrefix is null)
        {
            throw new ArgumentException($"{Prefix}.SkillPrefix must not be null; use \"\" for no prefix.", nameof(options));
        }

        return builder.AddStep(new Definition(options.Name, options.Field, options.AttributeKey, options.SkillPrefix.Trim()));
    }

    private sealed class Definition(string name, SkillLeadField field, string? attributeKey, string skillPrefix) : StepDefinition(name)
    {
        public override CompiledStep CompileStep(CompileContext context, string path) =>
            new SkillFilterStep(Name, context.Roster, context.Masks, field, attributeKey, skillPrefix, CompileContext.TokenFor(path));
    }
}
