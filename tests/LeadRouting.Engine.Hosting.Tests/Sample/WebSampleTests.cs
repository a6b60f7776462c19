using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace LeadRouting.Engine.Hosting.Tests.Sample;

/// <summary>The web sample over real HTTP on a loopback port, configured from (a copy of) its own appsettings.json.</summary>
public sealed class WebSampleTests : IDisposable
{
    private const int AppliedEvent = 2;
    private const int RejectedEvent = 3;

    private readonly WebSampleFactory _app = new();
    private readonly HttpClient _client;
    private readonly ITestOutputHelper _output;

    public WebSampleTests(ITestOutputHelper output)
    {
        _output = output;
        _client = _app.StartClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    private static JsonContent Lead(string id, double score, string country, string? postalCode = null) =>
        JsonContent.Create(new { id, score, country, postalCode });

    private async Task<JsonObject> RouteAsync(JsonContent lead)
    {
        using var response = await _client.PostAsync(new Uri("/leads/route", UriKind.Relative), lead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> RepAsync(string id) =>
        (await _client.GetFromJsonAsync<JsonObject>(new Uri($"/reps/{id}", UriKind.Relative)))!;

    [Fact]
    public async Task The_sample_routes_leads_over_a_loopback_socket_and_releases_them()
    {
        Assert.Equal("127.0.0.1", _client.BaseAddress!.Host);
        Assert.NotEqual(0, _client.BaseAddress.Port);

        var german = await RouteAsync(Lead("L-1", 55, "DE"));
        var london = await RouteAsync(Lead("L-2", 55, "gb", "EC1A 1BB"));
        var big = await RouteAsync(Lead("L-3", 92, "US"));
        var cold = await RouteAsync(Lead("L-4", 12, "FR"));

        Assert.Equal("""{"leadId":"L-1","outcome":"Assigned","repId":"ana","teamId":"emea","stepName":"Weighted","reason":"Selected","usedFallback":false}""", german.ToJsonString());
        Assert.Equal("chloe", (string?)london["repId"]);
        Assert.Equal(("gus", "enterprise"), ((string?)big["repId"], (string?)big["teamId"]));
        Assert.Equal(("ivy", "nurture"), ((string?)cold["repId"], (string?)cold["teamId"]));
        Assert.Equal(1, (int)(await RepAsync("ana"))["openLeads"]!);

        using var released = await _client.PostAsync(new Uri("/reps/ana/release", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Equal(0, (int)(await RepAsync("ana"))["openLeads"]!);
        Assert.Equal(1, (int)(await RepAsync("ana"))["leadsToday"]!);
    }

    [Fact]
    public async Task Explain_says_why_a_lead_would_go_where_it_goes_and_routes_nothing()
    {
        using var response = await _client.PostAsync(new Uri("/leads/explain", UriKind.Relative), Lead("L-X", 55, "gb", "EC1A 1BB"));
        var explanation = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("L-X", (string?)explanation["leadId"]);
        Assert.Equal("chloe", (string?)explanation["decision"]!["repId"]);
        var steps = explanation["steps"]!.AsArray().Select(step => (string?)step!["name"]).ToList();
        Assert.Equal("Roster", steps[0]);
        Assert.Contains("Territory", steps);
        Assert.False(string.IsNullOrEmpty((string?)explanation["pickedBecause"]));
        Assert.Equal(0, (int)(await RepAsync("chloe"))["openLeads"]!);

        // The explanation was the truth: the route that follows picks the same rep.
        Assert.Equal("chloe", (string?)(await RouteAsync(Lead("L-X", 55, "gb", "EC1A 1BB")))["repId"]);
    }

    [Fact]
    public async Task A_malformed_body_gets_a_400_with_a_problem_that_says_why_and_the_server_goes_on()
    {
        using var malformed = await _client.PostAsync(new Uri("/leads/route", UriKind.Relative), new StringContent("{\"id\": \"L-9\", score: 5", Encoding.UTF8, "application/json"));
        var problem = await malformed.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The request body is not a valid lead.", (string?)problem!["title"]);
        Assert.StartsWith("'s' is an invalid start of a property name.", (string?)problem["detail"], StringComparison.Ordinal);

        using var noId = await _client.PostAsync(new Uri("/leads/route", UriKind.Relative), JsonContent.Create(new { score = 50 }));
        var invalid = await noId.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, noId.StatusCode);
        Assert.Equal("A lead needs an id.", (string?)invalid!["errors"]!["id"]![0]);
        Assert.Equal("ana", (string?)(await RouteAsync(Lead("L-10", 55, "DE")))["repId"]);
    }

    [Fact]
    public async Task Editing_appsettings_json_while_leads_flow_changes_routing_at_one_point_and_keeps_counters()
    {
        var decisions = new ConcurrentQueue<(long At, HttpStatusCode Status, string? RepId)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 2).Select(s => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                using var response = await _client.PostAsync(new Uri("/leads/route", UriKind.Relative), Lead($"S{s}-{i}", 55, "DE"));
                var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
                decisions.Enqueue((clock.ElapsedMilliseconds, response.StatusCode, (string?)body?["repId"]));
                await Task.Delay(5);
            }
        })).ToArray();

        // German leads go to ana, the only rep covering DE; then dora takes DE over in the file.
        await WaitUntil(() => decisions.Count(d => d.RepId == "ana") >= 5);
        var routing = _app.ReadRouting();
        routing["Reps"]!.AsArray().Add(new JsonObject { ["Id"] = "dora", ["Territories"] = new JsonArray("DE") });
        routing["Reps"]![0]!["Territories"] = new JsonArray("AT", "CH");
        routing["Teams"]![0]!["Members"]!.AsArray().Add("dora");
        routing["Teams"]![1]!["Members"]!.AsArray().Add("dora");
        var writtenAt = clock.ElapsedMilliseconds;
        _app.WriteRouting(routing);

        await WaitUntil(() => decisions.Any(d => d.RepId == "dora"));
        var doraFrom = decisions.First(d => d.RepId == "dora").At;
        await WaitUntil(() => decisions.Count(d => d.At > doraFrom) >= 20);
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        Assert.All(decisions, d => Assert.Equal(HttpStatusCode.OK, d.Status));
        // How soon is printed, not asserted: a wall-clock bound in a test fails on a loaded machine, not on a defect.
        Assert.DoesNotContain(decisions, d => d.At < writtenAt && d.RepId == "dora");
        Assert.All(decisions.Where(d => d.At > doraFrom + 50), d => Assert.Equal("dora", d.RepId));

        // ana's counters went through the reload untouched: every lead she got is still open and counted for today.
        var anaLeads = decisions.Count(d => d.RepId == "ana");
        var ana = await RepAsync("ana");
        Assert.Equal(anaLeads, (int)ana["openLeads"]!);
        Assert.Equal(anaLeads, (int)ana["leadsToday"]!);
        Assert.InRange(anaLeads, 5, 25);
        Assert.Single(_app.Logs.Of(AppliedEvent));
        _output.WriteLine(
            $"{decisions.Count} leads routed; routing changed {doraFrom - writtenAt} ms after the save; ana kept {ana["openLeads"]} open, {ana["leadsToday"]} today.");
    }

    [Fact]
    public async Task An_invalid_edit_is_logged_with_its_paths_the_running_rules_keep_routing_and_the_next_valid_edit_applies()
    {
        var routing = _app.ReadRouting();
        routing["Teams"]![1]!["Members"]![0] = "anna";
        routing["Pipeline"]!["Steps"]![4]!["Strategy"] = "Weigthed";

        _app.WriteRouting(routing);
        await WaitUntil(() => _app.Logs.Of(RejectedEvent).Count > 0);

        var rejected = Assert.Single(_app.Logs.Of(RejectedEvent)).Message;
        Assert.Contains("LeadRouting:Teams:1:Members:0: names unknown rep 'anna'.", rejected, StringComparison.Ordinal);
        Assert.Contains("LeadRouting:Pipeline:Steps:4:Strategy: unknown strategy 'Weigthed'", rejected, StringComparison.Ordinal);
        Assert.Equal("ana", (string?)(await RouteAsync(Lead("L-1", 55, "DE")))["repId"]);
        Assert.Empty(_app.Logs.Of(AppliedEvent));

        routing["Teams"]![1]!["Members"]![0] = "ana";
        routing["Pipeline"]!["Steps"]![4]!["Strategy"] = "RoundRobin";
        _app.WriteRouting(routing);
        await WaitUntil(() => _app.Logs.Of(AppliedEvent).Count > 0);

        Assert.Equal("RoundRobin", (string?)(await RouteAsync(Lead("L-2", 55, "DE")))["stepName"]);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "timed out waiting");
            await Task.Delay(10);
        }
    }
}
