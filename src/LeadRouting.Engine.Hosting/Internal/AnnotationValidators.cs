using Microsoft.Extensions.Options;

namespace LeadRouting.Engine.Hosting.Internal;

// The data-annotation rules of each options type, as code generated at compile time ([OptionsValidator]). Each checks
// its own object only: the generator cannot follow the pipeline's recursion (a band's nested pipeline has steps with
// bands..., SYSLIB1211), so LeadRoutingOptionsValidator walks the tree and runs the validator of each node, naming the
// node by its configuration path.

/// <summary>Generated checks of <see cref="LeadRoutingOptions"/>'s own members.</summary>
[OptionsValidator]
internal sealed partial class LeadRoutingOptionsAnnotations : IValidateOptions<LeadRoutingOptions>;

/// <summary>Generated checks of one <see cref="RepOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class RepOptionsAnnotations : IValidateOptions<RepOptions>;

/// <summary>Generated checks of one <see cref="TeamOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class TeamOptionsAnnotations : IValidateOptions<TeamOptions>;

/// <summary>Generated checks of one <see cref="PipelineOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class PipelineOptionsAnnotations : IValidateOptions<PipelineOptions>;

/// <summary>Generated checks of one <see cref="StepOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class StepOptionsAnnotations : IValidateOptions<StepOptions>;

/// <summary>Generated checks of one <see cref="ScoreBandOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ScoreBandOptionsAnnotations : IValidateOptions<ScoreBandOptions>;

/// <summary>Generated checks of one <see cref="TerritoryRouteOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class TerritoryRouteOptionsAnnotations : IValidateOptions<TerritoryRouteOptions>;
