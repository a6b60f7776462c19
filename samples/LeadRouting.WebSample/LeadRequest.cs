using LeadRouting.Engine;

namespace LeadRouting.WebSample;

/// <summary>The JSON body of <c>POST /leads/route</c>; only <see cref="Id"/> is required.</summary>
public sealed record LeadRequest(
    string? Id,
    double? Score = null,
    decimal? DealValue = null,
    string? Country = null,
    string? Region = null,
    string? PostalCode = null,
    string? Industry = null,
    int? CompanySize = null,
    string? Source = null,
    string? Language = null,
    string? ProductInterest = null)
{
    public Lead ToLead(DateTimeOffset receivedAt) => new(Id!)
    {
        Score = Score,
        DealValue = DealValue,
        Country = Country,
        Region = Region,
        PostalCode = PostalCode,
        Industry = Industry,
        CompanySize = CompanySize,
        Source = Source,
        Language = Language,
        ProductInterest = ProductInterest,
        ReceivedAt = receivedAt,
    };
}
