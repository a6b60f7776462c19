namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>What a configuration setting holds, as <see cref="ConfigurationShapeCheck"/> judges it.</summary>
internal enum SettingKind
{
    /// <summary>Any text (a <see cref="string"/> property).</summary>
    Text,

    /// <summary>A whole number (an <see cref="int"/> property, nullable or not).</summary>
    WholeNumber,

    /// <summary>A number (a <see cref="double"/> property, nullable or not).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c> (a <see cref="bool"/> property, nullable or not).</summary>
    TrueOrFalse,

    /// <summary>An object with named settings (an options class).</summary>
    Object,

    /// <summary>A list of items of one shape (an <see cref="IList{T}"/> property).</summary>
    List,
}
