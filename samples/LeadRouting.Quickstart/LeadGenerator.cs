using System.Globalization;
using LeadRouting.Engine;

namespace LeadRouting.Quickstart;

/// <summary>
/// A seeded stream of leads that look like a real inbound mix: mostly covered markets with real-looking postal codes,
/// some leads from countries nobody covers, some with no country at all, a few unscored, and about one in seven typed
/// carelessly (lower case, stray spaces), as web forms deliver them. The same seed gives the same leads.
/// </summary>
internal sealed class LeadGenerator(int seed)
{
    private static readonly string[] Sources = ["web-form", "web-form", "webinar", "partner", "list-import"];

    private readonly Random _random = new(seed);
    private int _count;

    public Lead Next(DateTimeOffset receivedAt)
    {
        var (country, region, postal) = NextLocation();
        if (_random.NextDouble() < 0.15)
        {
            (country, region, postal) = (Sloppy(country), Sloppy(region), Sloppy(postal));
        }

        var score = NextScore();
        return new Lead(string.Create(CultureInfo.InvariantCulture, $"L-{++_count:D5}"))
        {
            Score = score,
            CompanySize = double.IsNaN(score) ? 0 : (int)(score * score / 2) + _random.Next(1, 50),
            Country = country,
            Region = region,
            PostalCode = postal,
            Source = Pick(Sources),
            ReceivedAt = receivedAt,
        };
    }

    // 1 % unscored, then roughly 45 % nurture (< 50), 40 % mid-market (50-79), 15 % enterprise (>= 80).
    private double NextScore() => _random.NextDouble() switch
    {
        < 0.01 => double.NaN,
        < 0.46 => _random.Next(5, 50),
        < 0.86 => _random.Next(50, 80),
        _ => _random.Next(80, 101),
    };

    private (string? Country, string? Region, string? Postal) NextLocation() => _random.NextDouble() switch
    {
        // EMEA 40 %
        < 0.18 => ("GB", null, UkPostcode()),
        < 0.30 => ("DE", null, Pick("10", "10", "80", "80", "20", "60", "50") + Digits(3)),
        < 0.35 => ("FR", null, Pick("75", "75", "69", "13", "31") + Digits(3)),
        < 0.38 => ("NL", null, $"{_random.Next(1000, 9999)} {Letters(2)}"),
        < 0.40 => ("IE", null, $"D{_random.Next(1, 25):D2} {Letters(1)}{Digits(3)}"),

        // North America 33 %
        < 0.68 => UsLocation(),
        < 0.73 => Pick<(string?, string?, string?)>(("CA", "ON", "M5V 2T6"), ("CA", "ON", "K1A 0B1"), ("CA", "QC", "H2X 1Y4"), ("CA", "BC", "V6B 4Y8")),

        // APAC 13 %
        < 0.77 => ("JP", null, $"{_random.Next(100, 999)}-{Digits(4)}"),
        < 0.82 => _random.Next(2) == 0 ? ("AU", "NSW", "2" + Digits(3)) : ("AU", "VIC", "3" + Digits(3)),
        < 0.85 => ("SG", null, Digits(6)),
        < 0.86 => ("NZ", null, Digits(4)),

        // Countries no rep covers 10 %, no country at all 4 %
        < 0.96 => Pick<(string?, string?, string?)>(("BR", "SP", "01310-100"), ("IN", "KA", "560001"), ("ZA", "WC", "8001"), ("MX", "CMX", "06600")),
        _ => (null, null, _random.Next(2) == 0 ? null : Digits(5)),
    };

    private (string?, string?, string?) UsLocation()
    {
        var (state, zip) = _random.NextDouble() switch
        {
            < 0.30 => ("CA", "9" + _random.Next(0, 7) + Digits(3)),
            < 0.50 => ("TX", "7" + _random.Next(5, 10) + Digits(3)),
            < 0.70 => ("NY", "1" + _random.Next(0, 5) + Digits(3)),
            < 0.80 => ("WA", "98" + Digits(3)),
            < 0.90 => ("FL", "33" + Digits(3)),
            < 0.95 => ("MA", "02" + Digits(3)),
            _ => ("IL", "60" + Digits(3)),
        };

        // Forms lose one of the two now and then, and some send the ISO form of the state ("US-CA").
        var region = _random.NextDouble() switch
        {
            < 0.10 => null,
            < 0.25 => "US-" + state,
            _ => state,
        };

        return ("US", region, _random.NextDouble() < 0.05 ? null : zip);
    }

    private string UkPostcode()
    {
        var area = Pick("SW", "SW", "SW", "EC", "EC", "W", "M", "B", "LS", "EH", "G");
        return $"{area}{_random.Next(1, 20)}{(_random.Next(3) == 0 ? Letters(1) : string.Empty)} {_random.Next(1, 10)}{Letters(2)}";
    }

    private string? Sloppy(string? code) =>
        code is null ? null : _random.Next(2) == 0 ? $" {code.ToLowerInvariant()}" : code.ToLowerInvariant().Replace(" ", "  ", StringComparison.Ordinal);

    private string Digits(int n) => _random.Next((int)Math.Pow(10, n)).ToString(new string('0', n), CultureInfo.InvariantCulture);

    private string Letters(int n) => string.Create(n, _random, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('A' + random.Next(26));
        }
    });

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];
}
