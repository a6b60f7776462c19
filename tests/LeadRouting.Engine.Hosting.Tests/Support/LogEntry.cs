using Microsoft.Extensions.Logging;

namespace LeadRouting.Engine.Hosting.Tests.Support;

/// <summary>One entry kept by <see cref="LogCollector"/>.</summary>
public sealed record LogEntry(LogLevel Level, int EventId, string Message);
