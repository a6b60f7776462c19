using System.ComponentModel.DataAnnotations;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// A number that must not be negative (null passes: no cap). Used instead of <c>[Range(0, int.MaxValue)]</c>, whose
/// generated form ignores <c>ErrorMessage</c> (dotnet/runtime#123137) and would say "between 0 and 2147483647".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class NonNegativeAttribute : ValidationAttribute
{
    public NonNegativeAttribute()
        : base("must not be negative; leave it out for no cap.")
    {
    }

    public override bool IsValid(object? value) => value is not int number || number >= 0;
}
