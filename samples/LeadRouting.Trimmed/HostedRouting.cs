using LeadRouting.Engine;
using LeadRouting.Engine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

/// <summary>
/// The hosting package in a trimmed app: a host reads the routing from appsettings.json (configuration binding,
/// validation and the reload fingerprint all run), routes through <see cref="ILeadRouter"/>, and a host with a
/// misspelt setting fails start-up naming its path.
/// </summary>
internal static class HostedRouting
{
    public static async Task RunAsync(Expectations expect)
    {
        Console.WriteLine("hosted: ILeadRouter from appsettings.json");
        // The executable's folder, not the working directory: .ci/package runs it from the repository root.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddLeadRouting();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var router = host.Services.GetRequiredService<ILeadRouter>();
            expect.Route(router.Route, new Lead("H-1") { Score = 60, Country = "US" }, "cleo");
            expect.Route(router.Route, new Lead("H-2") { Score = 10, Country = "DE" }, "desk"); // below the band: nurture's pipeline
            // Weighted 2:1 among ana and ben, smoothly: ana, ben, ana; then ben is at his cap of one open lead.
            expect.Route(router.Route, new Lead("H-3") { Score = 60, Country = "DE" }, "ana");
            expect.Route(router.Route, new Lead("H-4") { Score = 60, Country = "DE" }, "ben");
            expect.Route(router.Route, new Lead("H-5") { Score = 60, Country = "DE" }, "ana");
            expect.Route(router.Route, new Lead("H-6") { Score = 60, Country = "AT" }, null); // only ben covers AT, and he is full
            await host.StopAsync();
        }

        Console.WriteLine("hosted: a misspelt setting stops start-up");
        var invalid = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        invalid.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LeadRouting:Reps:0:Id"] = "ana",
            ["LeadRouting:Reps:0:MaxOpenLead"] = "3",
            ["LeadRouting:Pipeline:Steps:0:Strategy"] = "RoundRobin",
        });
        invalid.Services.AddLeadRouting();
        using var failing = invalid.Build();
        try
        {
            await failing.StartAsync();
            expect.Fail("start-up succeeded", "an OptionsValidationException");
        }
        catch (OptionsValidationException ex)
        {
            expect.Equal(
                string.Join(" | ", ex.Failures),
                "LeadRouting:Reps:0:MaxOpenLead: unknown setting 'MaxOpenLead' (did you mean 'MaxOpenLeads'?).");
        }
    }
}
