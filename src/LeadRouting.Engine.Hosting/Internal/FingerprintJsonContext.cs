using System.Text.Json.Serialization;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// The serializer of the reload fingerprint (<see cref="LeadRouter"/>), generated at compile time so that a trimmed or
/// native AOT host needs no reflection. No depth limit: the serializer's default of 64 refused valid deeply nested
/// pipelines; validated options hold no cycle.
/// </summary>
[JsonSourceGenerationOptions(MaxDepth = int.MaxValue)]
[JsonSerializable(typeof(LeadRoutingOptions))]
internal sealed partial class FingerprintJsonContext : JsonSerializerContext;
