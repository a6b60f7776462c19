using System.Text.Json.Serialization;
using LeadRouting.Engine.Hosting;
using LeadRouting.WebSample;

var builder = WebApplication.CreateBuilder(args);

// The "LeadRouting" section of appsettings.json: validated at start-up (every error listed with its path), and
// re-read when the file changes; an invalid edit is logged and ignored, a valid one swaps in without a restart.
builder.Services.AddLeadRouting();

// A body that is not a lead (malformed JSON, a text where a number belongs) gets a 400 whose problem details say
// what is wrong: binding failures are thrown to BadRequestProblemHandler instead of answered with a bare "Bad Request".
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<BadRequestProblemHandler>();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

// Build the router now rather than on the first request: it logs its configuration, and a bad one fails here.
app.Services.GetRequiredService<ILeadRouter>();

app.MapPost("/leads/route", (LeadRequest lead, ILeadRouter router, TimeProvider clock) =>
{
    if (string.IsNullOrWhiteSpace(lead.Id))
    {
        return Results.ValidationProblem(
            new Dictionary<string, string[]> { ["id"] = ["A lead needs an id."] },
            title: "The lead is incomplete.");
    }

    var decision = router.Route(lead.ToLead(clock.GetUtcNow()));
    return Results.Ok(LeadRoutedResponse.From(lead.Id, decision));
});

// Why would this lead go where it goes? The same decision a route would make now, step by step, changing nothing.
app.MapPost("/leads/explain", (LeadRequest lead, ILeadRouter router, TimeProvider clock) =>
{
    if (string.IsNullOrWhiteSpace(lead.Id))
    {
        return Results.ValidationProblem(
            new Dictionary<string, string[]> { ["id"] = ["A lead needs an id."] },
            title: "The lead is incomplete.");
    }

    return Results.Text(router.Explain(lead.ToLead(clock.GetUtcNow())).ToJson(), "application/json");
});

app.MapGet("/reps/{repId}", (string repId, ILeadRouter router) =>
    router.TryGetStatus(repId, out var status) ? Results.Ok(status) : Results.NotFound());

// When the rep closes or hands back a lead: frees one open-lead slot.
app.MapPost("/reps/{repId}/release", (string repId, ILeadRouter router) =>
    router.Release(repId) ? Results.NoContent() : Results.Conflict());

app.Run();
