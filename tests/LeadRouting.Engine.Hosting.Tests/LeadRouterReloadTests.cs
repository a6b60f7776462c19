using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LeadRouting.Engine.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadRouting.Engine.Hosting.Tests;

public sealed class LeadRouterReloadTests : IDisposable
{
    private const int StartedEvent = 1;
    private const int AppliedEvent = 2;
    private const int RejectedEvent = 3;
    private const int UnchangedEvent = 4;

    private readonly LogCollector _logs = new();
    private ReloadableConfiguration _source = null!;
    private ServiceProvider _services = null!;

    private static Lead German => new("l") { Country = "DE" };

    /// <summary>The reps of the next <paramref name="count"/> German leads ("-" for an unassigned one).</summary>
    private static string[] Next(ILeadRouter router, int count) => [.. Enumerable.Range(0, count).Select(_ => router.Route(German).RepId ?? "-")];

    public void Dispose() => _services?.Dispose();

    private ILeadRouter Start(JsonObject routing)
    {
        _source = new ReloadableConfiguration(TestConfig.Document(routing));
        _services = TestConfig.Services(ReloadableConfiguration.Root(_source), _logs);
        return _services.GetRequiredService<ILeadRouter>();
    }

    private void Reload(JsonObject routing) => _source.Replace(TestConfig.Document(routing));

    private static RepStatus Status(ILeadRouter router, string repId)
    {
        Assert.True(router.TryGetStatus(repId, out var status), $"{repId} is not in the roster");
        return status;
    }

    [Fact]
    public void A_valid_change_is_applied_at_once_and_remaining_reps_keep_open_leads_and_rotation()
    {
        var router = Start(TestConfig.Valid());
        Assert.Equal(["ana", "ben", "ana"], Next(router, 3));

        var changed = TestConfig.Valid();
        changed["Reps"]!.AsArray().RemoveAt(2);
        changed["Reps"]!.AsArray().Add(new JsonObject { ["Id"] = "dan", ["Territories"] = new JsonArray("DE") });
        changed["Teams"]![0]!["Members"] = new JsonArray("ana", "ben", "dan");
        Reload(changed);

        Assert.Equal(["ana", "ben", "dan"], router.Roster.Reps.Select(r => r.Id));
        Assert.Equal(2, Status(router, "ana").OpenLeads);
        Assert.Equal(1, Status(router, "ben").OpenLeads);

        // A reset rotation would restart at ana; the kept one goes to the newcomer, then to whoever waited longest.
        Assert.Equal(["dan", "ben", "ana"], Next(router, 3));
        var applied = Assert.Single(_logs.Of(AppliedEvent));
        Assert.Equal(LogLevel.Information, applied.Level);
        Assert.StartsWith("Lead router (default) applied a new configuration: 3 reps (1 added, 1 removed), 1 teams, pipeline Territory -> Capacity -> RoundRobin", applied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rotation_continues_across_a_reload_that_changes_only_caps()
    {
        var router = Start(TestConfig.Valid());
        Assert.Equal("ana", router.Route(German).RepId);

        var changed = TestConfig.Valid();
        changed["Reps"]![2]!["MaxOpenLeads"] = 6;
        Reload(changed);

        Assert.Equal("ben", router.Route(German).RepId);
        Assert.Single(_logs.Of(AppliedEvent));
    }

    [Fact]
    public void Open_lead_caps_and_todays_counts_survive_a_reload()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![0]!["MaxLeadsPerDay"] = 2;
        routing["Reps"]![1]!["MaxOpenLeads"] = 1;
        var router = Start(routing);
        Assert.Equal(["ana", "ben", "ana"], Next(router, 3));
        Assert.True(router.Release("ana"));
        Assert.True(router.Release("ana"));

        var changed = routing.DeepClone().AsObject();
        changed["Reps"]![2]!["Weight"] = 3;
        Reload(changed);

        // ana reached today's 2 and ben holds his 1 open lead: both still count, so the fallback team's cy takes it.
        var decision = router.Route(German);
        Assert.Equal("cy", decision.RepId);
        Assert.True(decision.UsedFallback);
        Assert.Equal(2, Status(router, "ana").LeadsToday);
        Assert.Equal(1, Status(router, "ben").OpenLeads);
    }

    [Fact]
    public void An_invalid_change_is_logged_with_every_error_and_the_previous_configuration_keeps_routing()
    {
        var router = Start(TestConfig.Valid());
        var roster = router.Roster;
        Assert.Equal("ana", router.Route(German).RepId);

        var broken = TestConfig.Valid();
        broken["Reps"]![0]!["Weight"] = -1;
        broken["Teams"]![0]!["Members"]![1] = "zed";
        broken["Reps"]!.AsArray().Add(new JsonObject { ["Id"] = "dan", ["Territories"] = new JsonArray("DE") });
        Reload(broken);

        Assert.Same(roster, router.Roster);
        Assert.Equal("ben", router.Route(German).RepId);
        var rejected = Assert.Single(_logs.Of(RejectedEvent));
        Assert.Equal(LogLevel.Error, rejected.Level);
        Assert.Equal(
            $"Lead router (default) rejected a configuration change with 2 error(s); the previous configuration keeps routing.{Environment.NewLine}"
            + $"LeadRouting:Reps:0:Weight: must be between 0 and 10000.{Environment.NewLine}LeadRouting:Teams:0:Members:1: names unknown rep 'zed'.",
            rejected.Message);
        Assert.Empty(_logs.Of(AppliedEvent));

        broken["Reps"]![0]!["Weight"] = 1;
        broken["Teams"]![0]!["Members"]![1] = "dan";
        Reload(broken);

        Assert.Single(_logs.Of(AppliedEvent));
        Assert.Equal(["ana", "ben", "cy", "dan"], router.Roster.Reps.Select(r => r.Id));
    }

    [Fact]
    public void A_value_the_binder_cannot_read_is_rejected_without_an_exception()
    {
        var router = Start(TestConfig.Valid());
        var roster = router.Roster;

        _source.ReplaceRaw(new Dictionary<string, string?>
        {
            ["LeadRouting:Reps:0:Id"] = "ana",
            ["LeadRouting:Reps:0:Weight"] = "heavy",
            ["LeadRouting:Pipeline:Steps:0:Strategy"] = "RoundRobin",
        });

        Assert.Same(roster, router.Roster);
        var rejected = Assert.Single(_logs.Of(RejectedEvent));
        Assert.Contains("LeadRouting:Reps:0:Weight: 'heavy' is not a whole number.", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emptied_configuration_file_is_rejected_rather_than_routing_to_nobody()
    {
        var router = Start(TestConfig.Valid());
        var roster = router.Roster;

        _source.Replace("{}");

        Assert.Same(roster, router.Roster);
        Assert.Contains("LeadRouting:Reps: needs at least one rep.", Assert.Single(_logs.Of(RejectedEvent)).Message, StringComparison.Ordinal);
        Assert.Equal("ana", router.Route(German).RepId);
    }

    [Fact]
    public void A_reload_without_changes_is_not_applied_again()
    {
        var router = Start(TestConfig.Valid());
        var roster = router.Roster;

        Reload(TestConfig.Valid());

        Assert.Same(roster, router.Roster);
        Assert.Single(_logs.Of(UnchangedEvent));
        Assert.Empty(_logs.Of(AppliedEvent));
    }

    [Fact]
    public void IsActive_is_applied_when_the_configuration_changes_it_and_SetActive_survives_other_edits()
    {
        var router = Start(TestConfig.Valid());
        Assert.True(router.SetActive("ben", false));

        var changed = TestConfig.Valid();
        changed["Reps"]![0]!["IsActive"] = false;
        changed["Reps"]![2]!["Weight"] = 2;
        Reload(changed);

        Assert.False(Status(router, "ana").IsActive);
        Assert.False(Status(router, "ben").IsActive);
        Assert.Equal("cy", router.Route(German).RepId);

        changed["Reps"]![0]!["IsActive"] = true;
        Reload(changed);

        Assert.True(Status(router, "ana").IsActive);
        Assert.False(Status(router, "ben").IsActive);
        Assert.Equal("ana", router.Route(German).RepId);
    }

    [Fact]
    public void A_removed_rep_is_never_routed_to_again()
    {
        var router = Start(TestConfig.Valid());
        var changed = TestConfig.Valid();
        changed["Reps"]!.AsArray().RemoveAt(0);
        changed["Teams"]![0]!["Members"] = new JsonArray("ben", "cy");
        Reload(changed);

        for (var i = 0; i < 20; i++)
        {
            Assert.NotEqual("ana", router.Route(German).RepId);
        }

        Assert.False(router.TryGetStatus("ana", out _));
        Assert.False(router.Release("ana"));
    }

    [Fact]
    public void A_rep_removed_and_re_added_as_inactive_by_reloads_is_never_routed_to()
    {
        var router = Start(TestConfig.Valid());
        var without = TestConfig.Valid();
        without["Reps"]!.AsArray().RemoveAt(1);
        without["Teams"]![0]!["Members"] = new JsonArray("ana", "cy");
        Reload(without);
        var back = TestConfig.Valid();
        back["Reps"]![1]!["IsActive"] = false;
        Reload(back);

        for (var i = 0; i < 20; i++)
        {
            Assert.NotEqual("ben", router.Route(German).RepId);
        }

        Assert.False(Status(router, "ben").IsActive);
    }

    [Fact]
    public void A_time_zone_change_applies_with_the_rest_of_the_reload()
    {
        var router = Start(TestConfig.Valid());
        var changed = TestConfig.Valid();
        changed["DayBoundaryTimeZone"] = "Europe/Berlin";
        changed["Reps"]![2]!["Weight"] = 2;

        Reload(changed);

        Assert.Single(_logs.Of(AppliedEvent));
        Assert.DoesNotContain(_logs.Entries, l => l.Level >= LogLevel.Warning);
        Assert.Equal(2, router.Roster.Reps[2].Weight);
    }

    [Fact]
    public void Disposing_the_services_stops_following_the_configuration()
    {
        var router = Start(TestConfig.Valid());
        _services.Dispose();

        var changed = TestConfig.Valid();
        changed["Reps"]![2]!["Weight"] = 2;
        Reload(changed);

        Assert.Equal(1, router.Roster.Reps[2].Weight);
        Assert.Single(_logs.Of(StartedEvent));
        Assert.Empty(_logs.Of(AppliedEvent));
    }

    [Fact]
    public async Task Reloads_under_concurrent_routing_throw_nothing_exceed_no_cap_and_lose_no_count()
    {
        const int OpenCap = 12;
        const int DailyCap = 150;
        var weighted = Roster(weights: [5, 1, 1, 3, 2, 1, 1, 4], selector: "Weighted", extraRep: false);
        var roundRobin = Roster(weights: [1, 1, 1, 1, 1, 1, 1, 1], selector: "RoundRobin", extraRep: true);
        var broken = Roster(weights: [1, 1, 1, 1, 1, 1, 1, 1], selector: "Random", extraRep: true);
        var router = Start(weighted);

        // Per rep: leads assigned, leads released, and a live count raised after each assignment and lowered before each
        // release, so it never runs ahead of the engine's own open count: its maximum exceeding the cap means the engine did.
        string[] ids = [.. Enumerable.Range(0, 9).Select(i => $"r{i}")];
        var assigned = new int[ids.Length];
        var released = new int[ids.Length];
        var live = new int[ids.Length];
        var maxLive = new int[ids.Length];
        var failures = new ConcurrentQueue<Exception>();
        var routed = 0;
        var stop = 0;
        var routers = Enumerable.Range(0, 3).Select(t => Task.Run(() =>
        {
            try
            {
                for (var i = 0; Volatile.Read(ref stop) == 0; i++)
                {
                    var d = router.Route(new Lead($"t{t}-{i}") { Country = "DE" });
                    Interlocked.Increment(ref routed);
                    if (!d.IsAssigned)
                    {
                        continue;
                    }

                    var r = Array.IndexOf(ids, d.RepId);
                    Interlocked.Increment(ref assigned[r]);
                    var now = Interlocked.Increment(ref live[r]);
                    for (var seen = Volatile.Read(ref maxLive[r]); now > seen; seen = Volatile.Read(ref maxLive[r]))
                    {
                        Interlocked.CompareExchange(ref maxLive[r], now, seen);
                    }

                    if (i % 2 == 0)
                    {
                        Interlocked.Decrement(ref live[r]);
                        if (router.Release(d.RepId))
                        {
                            Interlocked.Increment(ref released[r]);
                        }
                        else
                        {
                            Interlocked.Increment(ref live[r]); // removed by the current configuration: its slot stays taken
                        }
                    }
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        })).ToArray();

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref routed) >= 100, TimeSpan.FromSeconds(10)), "routing did not start");
        var routedBefore = Volatile.Read(ref routed);
        for (var reload = 0; reload < 90; reload++)
        {
            Reload((reload % 3) switch { 0 => roundRobin, 1 => broken, _ => weighted });
        }

        var routedDuring = Volatile.Read(ref routed) - routedBefore;
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(routers);
        Reload(roundRobin);

        Assert.Empty(failures);
        Assert.True(routedDuring >= 100, $"only {routedDuring} leads were routed during the reloads");
        Assert.Equal(30, _logs.Of(RejectedEvent).Count);
        Assert.Equal(61, _logs.Of(AppliedEvent).Count);
        for (var r = 0; r < ids.Length; r++)
        {
            var status = Status(router, ids[r]);
            Assert.True(maxLive[r] <= OpenCap, $"{ids[r]} held {maxLive[r]} open leads, cap {OpenCap}");
            Assert.Equal(assigned[r] - released[r], status.OpenLeads);
            if (r % 2 == 0)
            {
                Assert.True(assigned[r] <= DailyCap, $"{ids[r]} got {assigned[r]} leads today, cap {DailyCap}");
                Assert.Equal(assigned[r], status.LeadsToday);
            }
        }

        static JsonObject Roster(int[] weights, string selector, bool extraRep)
        {
            var reps = new JsonArray();
            for (var i = 0; i < weights.Length + (extraRep ? 1 : 0); i++)
            {
                var rep = new JsonObject
                {
                    ["Id"] = $"r{i}",
                    ["Weight"] = i < weights.Length ? weights[i] : 1,
                    ["MaxOpenLeads"] = OpenCap,
                    ["Territories"] = new JsonArray("DE"),
                };
                if (i % 2 == 0)
                {
                    rep["MaxLeadsPerDay"] = DailyCap;
                }

                reps.Add(rep);
            }

            return new JsonObject
            {
                ["Reps"] = reps,
                ["Pipeline"] = new JsonObject
                {
                    ["Steps"] = new JsonArray(TestConfig.Step("Territory"), TestConfig.Step("Capacity"), TestConfig.Step(selector)),
                },
            };
        }
    }
}
