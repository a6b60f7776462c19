using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LeadRouting.Engine;

/// <summary>
/// Why a lead would go where it goes: the decision <see cref="RoutingEngine.Route(Lead)"/> would make now, and the
/// candidates step by step, with the reason each rep dropped out and why the final rep was picked. Made by
/// <see cref="RoutingEngine.Explain"/>, which, like <see cref="RoutingEngine.Preview"/>, changes no counter.
/// </summary>
public sealed class RoutingExplanation
{
    internal RoutingExplanation(string leadId, RoutingDecision decision, IReadOnlyList<StepExplanation> steps, string? pickedBecause)
    {
        LeadId = leadId;
        Decision = decision;
        Steps = steps;
        PickedBecause = pickedBecause;
    }

    /// <summary>The lead explained.</summary>
    public string LeadId { get; }

    /// <summary>The decision a route would make now.</summary>
    public RoutingDecision Decision { get; }

    /// <summary>The steps in the order they ran, including nested pipelines, the pick and any fallback.</summary>
    public IReadOnlyList<StepExplanation> Steps { get; }

    /// <summary>Why the selector picked <see cref="RoutingDecision.RepId"/>; <see langword="null"/> when nobody was picked.</summary>
    public string? PickedBecause { get; }

    /// <summary>A readable, multi-line account.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Lead {LeadId}: {Decision}").AppendLine();
        foreach (var step in Steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {step.Name}: {step.Before.Count} -> {step.After.Count} candidates");
            if (step.Note is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({step.Note})");
            }

            text.AppendLine();
            foreach (var group in step.Dropped.GroupBy(d => d.Reason))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {group.Key}: {string.Join(", ", group.Select(d => d.RepId))}").AppendLine();
            }
        }

        if (PickedBecause is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Picked {Decision.RepId}: {PickedBecause}").AppendLine();
        }

        return text.ToString();
    }

    /// <summary>The explanation as JSON (camelCase names, enums as strings), written without reflection so it works when trimmed.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("leadId", LeadId);
            json.WriteStartObject("decision");
            json.WriteString("outcome", Decision.Outcome.ToString());
            json.WriteString("repId", Decision.RepId);
            json.WriteString("teamId", Decision.TeamId);
            json.WriteString("stepName", Decision.StepName);
            json.WriteString("reason", Decision.Reason.ToString());
            json.WriteBoolean("usedFallback", Decision.UsedFallback);
            json.WriteEndObject();
            json.WriteString("pickedBecause", PickedBecause);
            json.WriteStartArray("steps");
            foreach (var step in Steps)
            {
                json.WriteStartObject();
                json.WriteString("name", step.Name);
                json.WriteString("note", step.Note);
                WriteList(json, "before", step.Before);
                WriteList(json, "after", step.After);
                json.WriteStartArray("dropped");
                foreach (var drop in step.Dropped)
                {
                    json.WriteStartObject();
                    json.WriteString("repId", drop.RepId);
                    json.WriteString("reason", drop.Reason.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }
}
