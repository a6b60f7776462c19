using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// The <see cref="ILeadRouter"/> behind <c>AddLeadRouting</c>: one <see cref="RoutingEngine"/> for the life of the
/// service provider, reconfigured in place when its options change, so counters are never reset by a reload.
/// </summary>
/// <remarks>
/// Reloads listen to the options' change-token sources and build the options through <see cref="IOptionsFactory{TOptions}"/>
/// themselves, rather than through <see cref="IOptionsMonitor{TOptions}.OnChange"/>: the monitor validates a changed
/// configuration on the configuration provider's thread and, when it is invalid, throws there and never calls its
/// listeners (dotnet/runtime#44381), so a rejected configuration could be neither logged nor survived. Here it is both.
/// </remarks>
internal sealed class LeadRouter : ILeadRouter, IDisposable
{
    private readonly Lock _reloadLock = new();
    private readonly IOptionsFactory<LeadRoutingOptions> _factory;
    private readonly ILogger _logger;
    private readonly RoutingEngine _engine;
    private readonly List<IDisposable> _subscriptions = [];
    private RoutingConfiguration _current;
    private string _fingerprint;
    private bool _disposed;

    /// <exception cref="OptionsValidationException">The configuration is invalid; every failure is listed with its path.</exception>
    public LeadRouter(
        string name,
        IOptionsFactory<LeadRoutingOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<LeadRoutingOptions>> changeSources,
        TimeProvider timeProvider,
        IMeterFactory? meterFactory,
        ILogger logger)
    {
        Name = name;
        _factory = factory;
        _logger = logger;
        lock (_reloadLock)
        {
            // Subscribe before reading, so a change made in between is not missed; its reload waits for this lock.
            foreach (var source in changeSources)
            {
                if (source.Name is null || source.Name == name)
                {
                    _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, Reload));
                }
            }

            try
            {
                var options = factory.Create(name);
                _current = RoutingConfiguration.From(options);
                _fingerprint = Fingerprint(options);
                _engine = new RoutingEngine(
                    _current.Roster,
                    _current.Pipeline,
                    new RoutingEngineOptions
                    {
                        TimeProvider = timeProvider,
                        DayBoundaryTimeZone = _current.TimeZone,
                        Name = name.Length == 0 ? "default" : name,
                        MeterFactory = meterFactory,
                    });
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        Log.Started(_logger, LeadRoutingSources.Display(name), _current.Roster.Reps.Length, _current.Roster.Teams.Length, _current.Pipeline, _current.TimeZone.Id);
    }

    public string Name { get; }

    public Roster Roster => _engine.Roster;

    public RoutingPipeline Pipeline => _engine.Pipeline;

    public RoutingDecision Route(Lead lead) => _engine.Route(lead);

    public bool Release(string repId) => _engine.Release(repId);

    public RoutingDecision Preview(Lead lead) => _engine.Preview(lead);

    public RoutingExplanation Explain(Lead lead) => _engine.Explain(lead);

    public bool SetActive(string repId, bool active) => _engine.SetActive(repId, active);

    public bool TryGetStatus(string repId, out RepStatus status) => _engine.TryGetStatus(repId, out status);

    public void Dispose()
    {
        lock (_reloadLock)
        {
            _disposed = true;
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
            _engine?.Dispose();
        }
    }

    /// <summary>
    /// Builds the changed configuration and swaps it in, or logs why not and keeps the current one. Runs on the
    /// configuration provider's thread, never on a route's; one reload at a time.
    /// </summary>
    private void Reload()
    {
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return;
            }

            var router = LeadRoutingSources.Display(Name);
            RoutingConfiguration next;
            string fingerprint;
            try
            {
                var options = _factory.Create(Name);
                fingerprint = Fingerprint(options);
                if (fingerprint == _fingerprint)
                {
                    // File watchers often report one save twice; a second identical swap would only cost a rebuild.
                    Log.Unchanged(_logger, router);
                    return;
                }

                next = RoutingConfiguration.From(options);
            }
            catch (OptionsValidationException ex)
            {
                Log.Rejected(_logger, router, ex.Failures.Count(), Environment.NewLine, string.Join(Environment.NewLine, ex.Failures), ex);
                return;
            }
            catch (Exception ex)
            {
                // Binding errors (a number that is not one), or anything else: this runs on the configuration provider's
                // thread, where an escaping exception is lost or ends the process, and the old configuration must keep routing.
                Log.Rejected(_logger, router, 1, Environment.NewLine, ex.Message, ex);
                return;
            }

            if (!Apply(next, router))
            {
                return;
            }

            _fingerprint = fingerprint;
        }
    }

    private bool Apply(RoutingConfiguration next, string router)
    {
        var previous = _current;
        // IsActive is applied only where the configuration changed it, so that SetActive calls survive unrelated edits.
        // Switched off before the swap and on after it, so no route in between sees a rep the new configuration excludes.
        var wasActive = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var rep in previous.Options.Reps)
        {
            wasActive[rep.Id] = rep.IsActive;
        }

        var switchedOff = new List<string>();
        var switchedOn = new List<string>();
        foreach (var rep in next.Options.Reps)
        {
            if (wasActive.TryGetValue(rep.Id, out var active) && active != rep.IsActive)
            {
                (rep.IsActive ? switchedOn : switchedOff).Add(rep.Id);
            }
        }

        var offBefore = new List<(string RepId, bool Active)>();
        foreach (var id in switchedOff)
        {
            if (_engine.TryGetStatus(id, out var status))
            {
                offBefore.Add((id, status.IsActive));
                _engine.SetActive(id, false);
            }
        }

        try
        {
            _engine.Reconfigure(next.Roster, next.Pipeline, next.TimeZone);
        }
        catch (ArgumentException ex)
        {
            foreach (var (id, active) in offBefore)
            {
                _engine.SetActive(id, active);
            }

            Log.Rejected(_logger, router, 1, Environment.NewLine, ex.Message, ex);
            return false;
        }

        foreach (var id in switchedOn)
        {
            _engine.SetActive(id, true);
        }

        var added = 0;
        foreach (var rep in next.Options.Reps)
        {
            added += wasActive.ContainsKey(rep.Id) ? 0 : 1;
        }

        var removed = previous.Roster.Reps.Length - (next.Roster.Reps.Length - added);
        _current = next;
        Log.Applied(_logger, router, next.Roster.Reps.Length, added, removed, next.Roster.Teams.Length, next.Pipeline);
        return true;
    }

    /// <summary>The options as text: equal text, equal configuration.</summary>
    private static string Fingerprint(LeadRoutingOptions options) => JsonSerializer.Serialize(options, FingerprintJsonContext.Default.LeadRoutingOptions);
}
