using System.Reflection;
using LeadRouting.Engine.Hosting.Internal;

namespace LeadRouting.Engine.Hosting.Tests;

/// <summary>
/// The shape check reads the options' settings from <see cref="SettingShape"/>, written out by hand so that it needs no
/// reflection in a trimmed app; here, where reflection is fine, it is compared with the options types themselves.
/// </summary>
public class SettingShapeTests
{
    [Fact]
    public void The_written_out_shape_names_every_public_property_of_every_options_type_in_order_with_its_kind()
    {
        var checkedTypes = new List<Type>();
        Compare(typeof(LeadRoutingOptions), SettingShape.LeadRoutingOptions, nameof(LeadRoutingOptions), checkedTypes);

        // Every options type of the package was reached, so none can be missing from the shape.
        var optionsTypes = typeof(LeadRoutingOptions).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        Assert.Equal(optionsTypes, checkedTypes.OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    private static void Compare(Type type, SettingShape shape, string path, List<Type> checkedTypes)
    {
        Assert.True(shape.Kind == SettingKind.Object, $"{path}: {shape.Kind}, expected an object for {type.Name}");
        if (checkedTypes.Contains(type))
        {
            return; // a pipeline contains itself
        }

        checkedTypes.Add(type);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.Equal(
            properties.Select(p => p.Name),
            shape.Settings.Select(s => s.Name));
        for (var i = 0; i < properties.Length; i++)
        {
            CompareValue(properties[i].PropertyType, shape.Settings[i].Shape, $"{path}.{properties[i].Name}", checkedTypes);
        }
    }

    private static void CompareValue(Type type, SettingShape shape, string path, List<Type> checkedTypes)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>))
        {
            Assert.True(shape.Kind == SettingKind.List, $"{path}: {shape.Kind}, expected a list");
            CompareValue(type.GetGenericArguments()[0], shape.Item!, $"{path}[]", checkedTypes);
        }
        else if (type.IsClass && type != typeof(string))
        {
            Compare(type, shape, path, checkedTypes);
        }
        else
        {
            var expected = type == typeof(string) ? SettingKind.Text
                : type == typeof(int) ? SettingKind.WholeNumber
                : type == typeof(double) ? SettingKind.Number
                : type == typeof(bool) ? SettingKind.TrueOrFalse
                : throw new InvalidOperationException($"{path}: {type} has no setting kind; add one to SettingKind and the shape check.");
            Assert.True(shape.Kind == expected, $"{path}: {shape.Kind}, expected {expected}");
        }
    }
}
