namespace LeadRouting.Engine;

/// <summary>The value of a lead a threshold step compares with its bands.</summary>
public enum LeadMeasure
{
    /// <summary><see cref="Lead.Score"/>.</summary>
    Score = 0,

    /// <summary><see cref="Lead.DealValue"/>.</summary>
    DealValue = 1,

    /// <summary><see cref="Lead.CompanySize"/>.</summary>
    CompanySize = 2,
}
