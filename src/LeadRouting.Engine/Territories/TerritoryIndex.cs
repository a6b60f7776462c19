using System.Numerics;
using System.Runtime.CompilerServices;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Territories;

/// <summary>
/// Finds the territory rules that cover a lead, most specific first, without allocating or hashing strings: countries
/// index an array; postal prefixes and regions are packed into exact integer keys and looked up in one open-addressing
/// table, postal prefixes longest first and only at the lengths the lead's country has rules for.
/// </summary>
/// <remarks>
/// A trie walk costs a few dependent loads per symbol, each a likely cache miss once the index is large; a table probe
/// usually touches one cache line, and a country's rules tend to come in one or two lengths, so a lead costs one or two
/// probes.
/// </remarks>
internal sealed class TerritoryIndex
{
    /// <summary>The most rules one lead can match: every postal prefix length, its region and its country.</summary>
    public const int MaxMatches = TerritoryCodes.MaxPostalLength + 2;

    /// <summary>The symbols a postal key's <see cref="Entry.Low"/> holds; 37^12 &lt; 2^63, 37^13 is not.</summary>
    private const int LowSymbols = 12;

    /// <summary>Where the country sits in a postal key's <see cref="Entry.High"/>, above the tail (37^4 &lt; 2^21).</summary>
    private const int CountryShift = 21;

    /// <summary>The <see cref="Entry.High"/> of every region key; postal keys stay below it (676 &lt;&lt; 21 &lt; 2^31).</summary>
    private const uint RegionHigh = 1u << 31;

    private readonly CountryRules[] _countries = new CountryRules[TerritoryCodes.CountryCount];
    private readonly Entry[] _table;
    private readonly int _shift;

    /// <param name="rules">Distinct territories; a rule's id is its index.</param>
    public TerritoryIndex(IReadOnlyList<Territory> rules)
    {
        for (var c = 0; c < _countries.Length; c++)
        {
            _countries[c].Rule = -1;
        }

        var keyed = 0;
        for (var id = 0; id < rules.Count; id++)
        {
            if (rules[id].Level != TerritoryLevel.Country)
            {
                keyed++;
            }
        }

        // Load at most 1/2, so a probe that misses (a lead's longer prefix without a rule) stops within a few entries.
        var bits = Math.Max(1, BitOperations.Log2((uint)Math.Max(keyed, 1)) + 2);
        _table = new Entry[1 << bits];
        _shift = 64 - bits;
        for (var id = 0; id < rules.Count; id++)
        {
            var rule = rules[id];
            var country = TerritoryCodes.CountryIndex(rule.Country);
            switch (rule.Level)
            {
                case TerritoryLevel.Country:
                    _countries[country].Rule = id;
                    break;
                case TerritoryLevel.Region:
                    _countries[country].HasRegionRules = true;
                    Insert((ulong)TerritoryCodes.RegionKey(country, rule.Region), RegionHigh, id);
                    break;
                default:
                    // The prefix is normalised (1 to 16 letters and digits, upper case), so every character is a symbol.
                    var prefix = rule.PostalPrefix!;
                    ulong low = 0;
                    uint tail = 0;
                    for (var i = 0; i < prefix.Length; i++)
                    {
                        var digit = (uint)TerritoryCodes.Symbol(prefix[i]) + 1;
                        if (i < LowSymbols)
                        {
                            low = (low * 37) + digit;
                        }
                        else
                        {
                            tail = (tail * 37) + digit;
                        }
                    }

                    _countries[country].PostalLengths |= 1u << prefix.Length;
                    Insert(low, PostalHigh(country, tail), id);
                    break;
            }
        }
    }

    /// <summary>
    /// Writes the ids of the rules covering the lead into <paramref name="ruleIds"/>, most specific first, and returns how
    /// many. <paramref name="missing"/> says whether the lead lacks a field some rules need (no usable country; no postal
    /// code while its country has postal rules; no usable region while it has region rules); callers use it to explain an
    /// empty match.
    /// </summary>
    public int Match(Lead lead, Span<int> ruleIds, out bool missing)
    {
        Begin(lead, out var scan);
        var n = 0;
        for (var rule = Next(ref scan); rule >= 0; rule = Next(ref scan))
        {
            ruleIds[n++] = rule;
        }

        missing = scan.Missing;
        return n;
    }

    /// <summary>
    /// Starts producing the rules covering the lead, most specific first, one table probe per <see cref="Next"/>: a
    /// caller that stops at the first rule it can use (the territory filter, usually at the longest) probes no further.
    /// Reads the lead's codes once; sets <see cref="MatchScan.Missing"/> as <see cref="Match"/> does.
    /// </summary>
    [SkipLocalsInit] // only the keys up to the code's length are written, and only those are read
    public void Begin(Lead lead, out MatchScan scan)
    {
        Unsafe.SkipInit(out scan);
        scan.Missing = false;
        scan.Probe = 0;
        scan.RegionKey = -1;
        scan.Stage = MatchScan.Done;
        scan.Country = lead.Country is null ? -1 : TerritoryCodes.CountryIndex(lead.Country);
        if (scan.Country < 0)
        {
            // No country, or "Germany" / "DEU": present but not a code the rules can be matched against.
            scan.Missing = true;
            return;
        }

        ref readonly var rules = ref _countries[scan.Country];
        scan.Stage = MatchScan.Postal;
        if (rules.PostalLengths != 0)
        {
            if (string.IsNullOrWhiteSpace(lead.PostalCode))
            {
                scan.Missing = true;
            }
            else
            {
                scan.Probe = PackPrefixes(rules.PostalLengths, lead.PostalCode, ref scan.Keys);
            }
        }

        if (rules.HasRegionRules)
        {
            scan.RegionKey = lead.Region is null ? -1 : TerritoryCodes.RegionKey(scan.Country, lead.Region);
            scan.Missing |= scan.RegionKey < 0;
        }
    }

    /// <summary>The next rule covering the lead (longest postal prefix, then region, then country), or -1 when none is left.</summary>
    public int Next(ref MatchScan scan)
    {
        while (scan.Probe != 0)
        {
            var l = 31 - BitOperations.LeadingZeroCount(scan.Probe);
            scan.Probe ^= 1u << l;
            var rule = l <= LowSymbols
                ? Find(scan.Keys[l], PostalHigh(scan.Country, 0))
                : Find(scan.Keys[LowSymbols], PostalHigh(scan.Country, (uint)scan.Keys[l]));
            if (rule >= 0)
            {
                return rule;
            }
        }

        if (scan.Stage == MatchScan.Postal)
        {
            scan.Stage = MatchScan.Region;
            if (scan.RegionKey >= 0)
            {
                var rule = Find((ulong)scan.RegionKey, RegionHigh);
                if (rule >= 0)
                {
                    return rule;
                }
            }
        }

        if (scan.Stage == MatchScan.Region)
        {
            scan.Stage = MatchScan.Done;
            return _countries[scan.Country].Rule;
        }

        return -1;
    }

    /// <summary>
    /// Packs every prefix of the code in one scan (separators skipped, an invalid character ends the code) and returns
    /// the prefix lengths to probe: those the country has rules for, up to the code's length.
    /// </summary>
    private static uint PackPrefixes(uint lengths, string postal, ref PrefixKeys keys)
    {
        var longest = 31 - BitOperations.LeadingZeroCount(lengths);
        var length = 0;
        ulong packed = 0;
        foreach (var c in postal)
        {
            var symbol = TerritoryCodes.Symbol(c);
            if (symbol == -1)
            {
                continue;
            }

            if (symbol < 0)
            {
                break;
            }

            if (length == LowSymbols)
            {
                packed = 0;
            }

            packed = (packed * 37) + (uint)symbol + 1;
            keys[++length] = packed;
            if (length == longest)
            {
                break;
            }
        }

        return lengths & ((2u << length) - 1);
    }

    private static uint PostalHigh(int country, uint tail) => ((uint)country << CountryShift) | tail;

    /// <summary>The rule with exactly this key, or -1; a hash collision only costs another probe, never a wrong match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ulong low, uint high)
    {
        var mask = _table.Length - 1;
        var i = Slot(low, high);
        while (true)
        {
            ref readonly var entry = ref _table[i];
            if (entry.Low == low)
            {
                if (entry.High == high)
                {
                    return entry.Rule;
                }
            }
            else if (entry.Low == 0)
            {
                return -1;
            }

            i = (i + 1) & mask;
        }
    }

    private void Insert(ulong low, uint high, int rule)
    {
        var mask = _table.Length - 1;
        var i = Slot(low, high);
        while (_table[i].Low != 0 && (_table[i].Low != low || _table[i].High != high))
        {
            i = (i + 1) & mask;
        }

        _table[i] = new Entry { Low = low, High = high, Rule = rule };
    }

    /// <summary>Multiplicative (Fibonacci) hashing: the top bits of the product depend on every bit of the key.</summary>
    private int Slot(ulong low, uint high) =>
        (int)(((low ^ (high * 0x9E3779B97F4A7C15UL)) * 0xBF58476D1CE4E5B9UL) >> _shift);

    /// <summary>
    /// Element l is the key of a code's l-symbol prefix: symbols 1..12 base 37 for l &lt;= 12, symbols 13..l for l &gt; 12
    /// (whose key also takes element 12).
    /// </summary>
    [InlineArray(TerritoryCodes.MaxPostalLength + 1)]
    internal struct PrefixKeys
    {
        private ulong _element;
    }

    /// <summary>A key and its rule, 16 bytes, so a probe and its next few entries usually share one cache line.</summary>
    private struct Entry
    {
        /// <summary>
        /// Postal: the first 12 symbols, base 37 of symbol + 1 (unambiguous without a length, never 0). Region: the
        /// <see cref="TerritoryCodes.RegionKey"/> (never 0). 0 marks an empty entry.
        /// </summary>
        public ulong Low;

        /// <summary>Postal: the country above symbols 13..16 (base 37, 0 when none). Region: <see cref="RegionHigh"/>.</summary>
        public uint High;

        /// <summary>The rule's id.</summary>
        public int Rule;
    }

    /// <summary>What one country has rules for, read with one load per lead.</summary>
    private struct CountryRules
    {
        /// <summary>The country rule's id, -1 when none.</summary>
        public int Rule;

        /// <summary>Bit l is set when some postal rule of the country has an l-symbol prefix (l = 1..16).</summary>
        public uint PostalLengths;

        /// <summary>Whether some rule of the country names a region.</summary>
        public bool HasRegionRules;
    }
}

/// <summary>Where a <see cref="TerritoryIndex.Next"/> scan of one lead's matches stands; a stack value, no allocation.</summary>
internal struct MatchScan
{
    public const int Postal = 0;
    public const int Region = 1;
    public const int Done = 2;

    /// <summary>The keys of the lead's postal prefixes, by length.</summary>
    public TerritoryIndex.PrefixKeys Keys;

    /// <summary>The lead's country index.</summary>
    public int Country;

    /// <summary>Postal prefix lengths still to probe (a bit per length).</summary>
    public uint Probe;

    /// <summary>Postal, then region, then country, then done.</summary>
    public int Stage;

    /// <summary>The lead's region key, or -1 when it has none or its country has no region rules.</summary>
    public long RegionKey;

    /// <summary>Whether the lead lacks a field some rules of its country need.</summary>
    public bool Missing;
}
