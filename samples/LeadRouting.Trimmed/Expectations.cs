using LeadRouting.Engine;

/// <summary>Prints each check as it runs and counts the ones that fail.</summary>
internal sealed class Expectations
{
    public int Failures { get; private set; }

    public void Route(Func<Lead, RoutingDecision> route, Lead lead, string? repId)
    {
        var decision = route(lead);
        var ok = decision.RepId == repId && decision.IsAssigned == (repId is not null);
        Report(ok, $"{lead.Id}: {decision}", repId ?? "nobody");
    }

    public void Equal(string actual, string expected) => Report(actual == expected, actual, expected);

    public void Fail(string actual, string expected) => Report(false, actual, expected);

    private void Report(bool ok, string actual, string expected)
    {
        Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {actual}{(ok ? string.Empty : $" (expected {expected})")}");
        Failures += ok ? 0 : 1;
    }
}
