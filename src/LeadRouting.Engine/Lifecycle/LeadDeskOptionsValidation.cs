using LeadRouting.Engine.Availability;

namespace LeadRouting.Engine.Lifecycle;

/// <summary>Checks <see cref="LeadDeskOptions"/> against the engine's roster when a desk is created; each message names the setting.</summary>
internal static class LeadDeskOptionsValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> (parameter <c>options</c>) naming the first invalid setting.</summary>
    public static void Validate(LeadDeskOptions options, Roster roster)
    {
        const string P = "LeadDeskOptions";
        if (options.TimeProvider is null)
        {
            throw new ArgumentException($"{P}.TimeProvider must not be null.", nameof(options));
        }

        if (!Enum.IsDefined(options.Delivery))
        {
            throw new ArgumentException($"{P}.Delivery has no meaning: {options.Delivery}.", nameof(options));
        }

        if (options.Delivery == LeadDelivery.Pull && options.QueueCapacity == 0)
        {
            throw new ArgumentException($"{P}.QueueCapacity must be positive with pull delivery, where every lead waits to be pulled.", nameof(options));
        }

        if (options.MaxReroutes is < 0 or > LeadDeskConstants.MaxReroutesLimit)
        {
            throw new ArgumentException($"{P}.MaxReroutes must be between 0 and {LeadDeskConstants.MaxReroutesLimit} (was {options.MaxReroutes}).", nameof(options));
        }

        if (options.QueueCapacity is < 0 or > LeadDeskConstants.MaxQueueCapacity)
        {
            throw new ArgumentException($"{P}.QueueCapacity must be between 0 and {LeadDeskConstants.MaxQueueCapacity} (was {options.QueueCapacity}).", nameof(options));
        }

        if (options.ResponseDeadline is { } deadline && deadline <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{P}.ResponseDeadline must be positive (was {deadline}).", nameof(options));
        }

        foreach (var (team, wait) in options.TeamResponseDeadlines)
        {
            if (!roster.TeamIndex.ContainsKey(team))
            {
                throw new ArgumentException($"{P}.TeamResponseDeadlines['{team}']: unknown team '{team}'.", nameof(options));
            }

            if (wait <= TimeSpan.Zero)
            {
                throw new ArgumentException($"{P}.TeamResponseDeadlines['{team}'] must be positive (was {wait}).", nameof(options));
            }
        }

        var bands = options.PriorityScoreBands;
        for (var i = 0; i < bands.Count; i++)
        {
            if (!double.IsFinite(bands[i]))
            {
                throw new ArgumentException($"{P}.PriorityScoreBands[{i}] must be a finite number (was {bands[i]}).", nameof(options));
            }

            if (i > 0 && bands[i] <= bands[i - 1])
            {
                throw new ArgumentException(
                    $"{P}.PriorityScoreBands[{i}] ({bands[i]}) must be greater than PriorityScoreBands[{i - 1}] ({bands[i - 1]}): list minimums from lowest to highest, without repeats.",
                    nameof(options));
            }
        }

        foreach (var (repId, schedule) in options.Schedules)
        {
            var path = $"{P}.Schedules['{repId}']";
            if (!roster.RepIndex.ContainsKey(repId))
            {
                throw new ArgumentException($"{path}: unknown rep '{repId}'.", nameof(options));
            }

            if (schedule is null)
            {
                throw new ArgumentException($"{path} is null; leave the rep out for no schedule.", nameof(options));
            }

            if (ScheduleEvaluator.Error(schedule, path) is { } error)
            {
                throw new ArgumentException(error, nameof(options));
            }
        }
    }
}
