using Microsoft.Extensions.Logging;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>What the router logs: start, reloads and rejected configurations. Nothing is logged per route.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information,
        "Lead router {Router} started: {RepCount} reps, {TeamCount} teams, pipeline {Pipeline}; daily caps reset at midnight {TimeZone}.")]
    public static partial void Started(ILogger logger, string router, int repCount, int teamCount, RoutingPipeline pipeline, string timeZone);

    [LoggerMessage(2, LogLevel.Information,
        "Lead router {Router} applied a new configuration: {RepCount} reps ({AddedCount} added, {RemovedCount} removed), {TeamCount} teams, pipeline {Pipeline}. Counters of the remaining reps carried over.")]
    public static partial void Applied(ILogger logger, string router, int repCount, int addedCount, int removedCount, int teamCount, RoutingPipeline pipeline);

    [LoggerMessage(3, LogLevel.Error,
        "Lead router {Router} rejected a configuration change with {ErrorCount} error(s); the previous configuration keeps routing.{NewLine}{Errors}")]
    public static partial void Rejected(ILogger logger, string router, int errorCount, string newLine, string errors, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "Lead router {Router}: the configuration was reloaded without changes.")]
    public static partial void Unchanged(ILogger logger, string router);
}
