using LeadRouting.Engine;

namespace LeadRouting.Quickstart;

/// <summary>
/// After routing: a <see cref="LeadDesk"/> re-routes a rejected lead to the next rep who can take it, and holds leads nobody
/// can take in a queue (hot ones first) until a rep frees a slot. Every move is printed from the desk's own events.
/// </summary>
internal static class LifecycleDemo
{
    public static void Run()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero));
        var roster = new Roster(
        [
            new Rep("ana") { MaxOpenLeads = 1, Skills = ["de", "en"] },
            new Rep("ben") { MaxOpenLeads = 1, Skills = ["en"] },
            new Rep("cleo") { MaxOpenLeads = 1, Skills = ["de"] },
        ]);
        var pipeline = new RoutingPipelineBuilder().AddSkills().AddCapacity().AddRoundRobin().Build();
        var engine = new RoutingEngine(roster, pipeline, new RoutingEngineOptions { TimeProvider = clock });
        var desk = new LeadDesk(engine, new LeadDeskOptions
        {
            TimeProvider = clock,
            ResponseDeadline = TimeSpan.FromMinutes(15), // unanswered for 15 minutes: ExpireOverdue() re-routes it
            PriorityScoreBands = { 80 },                 // score 80 and above waits ahead of the rest
        });
        desk.LeadMoved += (_, e) => Console.WriteLine($"  {e}");

        Console.WriteLine();
        Console.WriteLine($"Lead lifecycle: {roster.Reps.Length} reps with one open lead each; {pipeline}");
        desk.Submit(new Lead("W-1") { Language = "de" });
        desk.TryReject("W-1", "ana", "partner account, not mine", out _); // the next German speaker gets it, not ben
        desk.Submit(new Lead("W-2") { Language = "de" });
        desk.Submit(new Lead("W-3") { Language = "de" });                // every German speaker is full: it waits
        desk.Submit(new Lead("W-4") { Language = "de", Score = 92 });    // hot: it waits ahead of W-3
        desk.TryComplete("W-1");                                          // cleo frees a slot: the hot lead flows to her
        desk.TryComplete("W-2");                                          // ana frees a slot: W-3 flows to her

        var snapshot = desk.GetSnapshot(); // no lost leads: every lead that entered is in exactly one place
        Console.WriteLine($"  entered {snapshot.Entered} = assigned {snapshot.Assigned.Count} + queued {snapshot.Queued.Count} + returned {snapshot.Returned}");
    }
}
