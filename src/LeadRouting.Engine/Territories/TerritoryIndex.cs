using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Territories;

/// <summary>
/// Finds the territory rules that cover a lead, most specific first, without allocating or hashing strings: countries
/// index an array, regions are packed into a 64-bit key, postal prefixes walk a compact per-country trie.
/// </summary>
internal sealed class TerritoryIndex
{
    /// <summary>The most rules one lead can match: every postal prefix length, its region and its country.</summary>
    public const int MaxMatches = TerritoryCodes.MaxPostalLength + 2;

    private readonly int[] _countryRule = new int[TerritoryCodes.CountryCount];
    private readonly bool[] _hasRegionRules = new bool[TerritoryCodes.CountryCount];
    private readonly Dictionary<long, int> _regionRule = [];
    private readonly int[] _postalRoot = new int[TerritoryCodes.CountryCount];
    private readonly int[] _firstEdge;
    private readonly int[] _edgeCount;
    private readonly int[] _nodeRule;
    private readonly byte[] _edgeSymbol;
    private readonly int[] _edgeTarget;

    /// <param name="rules">Distinct territories; a rule's id is its index.</param>
    public TerritoryIndex(IReadOnlyList<Territory> rules)
    {
        Array.Fill(_countryRule, -1);
        Array.Fill(_postalRoot, -1);
        var trie = new List<SortedDictionary<byte, int>>();
        var nodeRule = new List<int>();
        for (var id = 0; id < rules.Count; id++)
        {
            var rule = rules[id];
            var country = TerritoryCodes.CountryIndex(rule.Country);
            switch (rule.Level)
            {
                case TerritoryLevel.Country:
                    _countryRule[country] = id;
                    break;
                case TerritoryLevel.Region:
                    _hasRegionRules[country] = true;
                    _regionRule[TerritoryCodes.RegionKey(country, rule.Region)] = id;
                    break;
                default:
                    if (_postalRoot[country] < 0)
                    {
                        _postalRoot[country] = NewNode(trie, nodeRule);
                    }

                    var node = _postalRoot[country];
                    foreach (var c in rule.PostalPrefix!)
                    {
                        var symbol = (byte)TerritoryCodes.Symbol(c);
                        if (!trie[node].TryGetValue(symbol, out var child))
                        {
                            child = NewNode(trie, nodeRule);
                            trie[node][symbol] = child;
                        }

                        node = child;
                    }

                    nodeRule[node] = id;
                    break;
            }
        }

        // Flatten: the edges of a node are contiguous and sorted by symbol.
        _firstEdge = new int[trie.Count];
        _edgeCount = new int[trie.Count];
        _nodeRule = [.. nodeRule];
        var edges = 0;
        for (var n = 0; n < trie.Count; n++)
        {
            _firstEdge[n] = edges;
            _edgeCount[n] = trie[n].Count;
            edges += trie[n].Count;
        }

        _edgeSymbol = new byte[edges];
        _edgeTarget = new int[edges];
        for (var n = 0; n < trie.Count; n++)
        {
            var e = _firstEdge[n];
            foreach (var (symbol, target) in trie[n])
            {
                _edgeSymbol[e] = symbol;
                _edgeTarget[e++] = target;
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
        missing = false;
        if (lead.Country is null)
        {
            missing = true;
            return 0;
        }

        var country = TerritoryCodes.CountryIndex(lead.Country);
        if (country < 0)
        {
            // "Germany" or "DEU": present but not a code the rules can be matched against.
            missing = true;
            return 0;
        }

        var n = 0;
        var root = _postalRoot[country];
        if (root >= 0)
        {
            if (string.IsNullOrWhiteSpace(lead.PostalCode))
            {
                missing = true;
            }
            else
            {
                n = MatchPostal(root, lead.PostalCode, ruleIds);
            }
        }

        if (_hasRegionRules[country])
        {
            var key = lead.Region is null ? -1 : TerritoryCodes.RegionKey(country, lead.Region);
            if (key < 0)
            {
                missing = true;
            }
            else if (_regionRule.TryGetValue(key, out var regionRule))
            {
                ruleIds[n++] = regionRule;
            }
        }

        var countryRule = _countryRule[country];
        if (countryRule >= 0)
        {
            ruleIds[n++] = countryRule;
        }

        return n;
    }

    private int MatchPostal(int node, string postal, Span<int> ruleIds)
    {
        // The walk meets shorter prefixes first; collect, then reverse so the longest comes first.
        var n = 0;
        foreach (var c in postal)
        {
            var symbol = TerritoryCodes.Symbol(c);
            if (symbol == -1)
            {
                continue;
            }

            node = symbol < 0 ? -1 : Child(node, (byte)symbol);
            if (node < 0)
            {
                break;
            }

            if (_nodeRule[node] >= 0)
            {
                ruleIds[n++] = _nodeRule[node];
            }
        }

        ruleIds[..n].Reverse();
        return n;
    }

    private int Child(int node, byte symbol)
    {
        var end = _firstEdge[node] + _edgeCount[node];
        for (var e = _firstEdge[node]; e < end; e++)
        {
            if (_edgeSymbol[e] == symbol)
            {
                return _edgeTarget[e];
            }
        }

        return -1;
    }

    private static int NewNode(List<SortedDictionary<byte, int>> trie, List<int> nodeRule)
    {
        trie.Add([]);
        nodeRule.Add(-1);
        return trie.Count - 1;
    }
}
