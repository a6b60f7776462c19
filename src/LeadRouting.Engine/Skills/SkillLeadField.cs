namespace LeadRouting.Engine;

/// <summary>The field of a lead whose value a skills step requires as a rep skill.</summary>
public enum SkillLeadField
{
    /// <summary><see cref="Lead.Language"/>, e.g. <c>"de"</c>.</summary>
    Language = 0,

    /// <summary><see cref="Lead.ProductInterest"/>, e.g. <c>"payroll"</c>.</summary>
    ProductInterest = 1,

    /// <summary>The value of <see cref="Lead.Attributes"/> under <see cref="SkillStrategyOptions.AttributeKey"/>.</summary>
    Attribute = 2,
}
