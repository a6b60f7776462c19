using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace LeadRouting.Engine.Tests.PublicApi;

/// <summary>
/// Writes the public surface of an assembly (every type and member a consumer can see, with full signatures and
/// nullable annotations) as stable, sorted, C#-like text, one line per member, so that a diff of two versions is a
/// review of the API change.
/// </summary>
/// <remarks>
/// Hand-written because Microsoft.CodeAnalysis.PublicApiAnalyzers is not on this machine's feed. What it records:
/// types (kind, modifiers, base type, interfaces, generic constraints), constructors, methods, operators, properties
/// (accessors, <c>init</c>, <c>required</c>), indexers, fields and constants (with values), events, enum members
/// (with values), parameter modifiers and default values, nullability, and the attributes that change how a member
/// may be used (<c>Obsolete</c>, <c>Flags</c>, <c>EditorBrowsable</c>, trimming/AOT requirements, <c>Experimental</c>,
/// <c>SetsRequiredMembers</c>).
/// Tuple element names and attributes outside that list are not recorded.
/// </remarks>
public static class PublicApiWriter
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly string[] RecordedAttributes =
    [
        "System.ObsoleteAttribute",
        "System.FlagsAttribute",
        "System.ComponentModel.EditorBrowsableAttribute",
        "System.Diagnostics.CodeAnalysis.ExperimentalAttribute",
        "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresUnreferencedCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresDynamicCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresAssemblyFilesAttribute",
        "System.Runtime.Versioning.RequiresPreviewFeaturesAttribute",
    ];

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(object)] = "object",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(char)] = "char",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(nint)] = "nint",
        [typeof(nuint)] = "nuint",
    };

    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["op_Equality"] = "==",
        ["op_Inequality"] = "!=",
        ["op_LessThan"] = "<",
        ["op_GreaterThan"] = ">",
        ["op_LessThanOrEqual"] = "<=",
        ["op_GreaterThanOrEqual"] = ">=",
        ["op_Addition"] = "+",
        ["op_Subtraction"] = "-",
        ["op_Multiply"] = "*",
        ["op_Division"] = "/",
        ["op_Modulus"] = "%",
        ["op_UnaryNegation"] = "-",
        ["op_UnaryPlus"] = "+",
        ["op_LogicalNot"] = "!",
        ["op_OnesComplement"] = "~",
        ["op_BitwiseAnd"] = "&",
        ["op_BitwiseOr"] = "|",
        ["op_ExclusiveOr"] = "^",
        ["op_LeftShift"] = "<<",
        ["op_RightShift"] = ">>",
        ["op_UnsignedRightShift"] = ">>>",
        ["op_Increment"] = "++",
        ["op_Decrement"] = "--",
        ["op_True"] = "true",
        ["op_False"] = "false",
    };

    /// <summary>The public surface of <paramref name="assembly"/>, one line per type or member, '\n' line ends.</summary>
    public static string Write(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Write(assembly.GetName().Name ?? "?", assembly.GetTypes());
    }

    /// <summary>The public surface of the visible types among <paramref name="types"/>.</summary>
    public static string Write(string title, IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var builder = new StringBuilder();
        builder.Append("// Public API of ").Append(title).Append(". Written by PublicApiTests: review a change to this file like a change to the code.\n");
        foreach (var type in types.Where(IsVisible).OrderBy(TypeName, StringComparer.Ordinal))
        {
            builder.Append('\n');
            WriteType(builder, type);
        }

        return builder.ToString();
    }

    private static bool IsVisible(Type type)
    {
        if (type.IsNested)
        {
            var declaring = type.DeclaringType!;
            return IsVisible(declaring) && (type.IsNestedPublic || ((type.IsNestedFamily || type.IsNestedFamORAssem) && !declaring.IsSealed));
        }

        return type.IsPublic && !IsUnspeakable(type);
    }

    private static bool IsVisible(MethodBase? method) =>
        method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

    private static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    // Members the compiler writes for records (Equals, ==, Deconstruct, ...) are callable and so are recorded; only
    // unspeakable ones (<Clone>$, backing fields) are not.
    private static bool IsUnspeakable(MemberInfo member) => member.Name.Contains('<', StringComparison.Ordinal);

    private static void WriteType(StringBuilder builder, Type type)
    {
        foreach (var attribute in Attributes(type))
        {
            builder.Append(attribute).Append('\n');
        }

        builder.Append(TypeDeclaration(type)).Append('\n');
        if (IsDelegate(type))
        {
            return;
        }

        var members = new List<(int Order, string Name, string Text)>();
        var nullability = new NullabilityInfoContext();
        if (type.IsEnum)
        {
            var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .OrderBy(f => Convert.ToDecimal(f.GetRawConstantValue(), CultureInfo.InvariantCulture))
                .ThenBy(f => f.Name, StringComparer.Ordinal);
            foreach (var field in fields)
            {
                var value = Convert.ToString(field.GetRawConstantValue(), CultureInfo.InvariantCulture);
                members.Add((0, field.Name, $"{field.Name} = {value},"));
            }
        }
        else
        {
            foreach (var field in type.GetFields(DeclaredMembers).Where(f => IsVisible(f) && !IsUnspeakable(f)))
            {
                members.Add((0, field.Name, WithAttributes(field, Field(field, nullability))));
            }

            foreach (var constructor in type.GetConstructors(DeclaredMembers).Where(c => IsVisible(c) && !c.IsStatic))
            {
                members.Add((1, string.Empty, WithAttributes(constructor, $"{Access(constructor)} {SimpleName(type)}({Parameters(constructor, nullability)});")));
            }

            foreach (var property in type.GetProperties(DeclaredMembers))
            {
                if (IsVisible(property.GetMethod) || IsVisible(property.SetMethod))
                {
                    members.Add((property.GetIndexParameters().Length == 0 ? 2 : 3, property.Name, WithAttributes(property, Property(type, property, nullability))));
                }
            }

            foreach (var @event in type.GetEvents(DeclaredMembers).Where(e => IsVisible(e.AddMethod)))
            {
                var modifiers = Modifiers(type, @event.AddMethod!);
                members.Add((4, @event.Name, WithAttributes(@event, $"{Access(@event.AddMethod!)} {modifiers}event {TypeText(@event.EventHandlerType!, nullability.Create(@event))} {@event.Name};")));
            }

            foreach (var method in type.GetMethods(DeclaredMembers).Where(m => IsVisible(m) && !IsUnspeakable(m)))
            {
                if (method.IsSpecialName && !Operators.ContainsKey(method.Name) && method.Name is not ("op_Implicit" or "op_Explicit"))
                {
                    continue; // property and event accessors are written with their property or event
                }

                members.Add((method.IsSpecialName ? 6 : 5, method.Name, WithAttributes(method, Method(type, method, nullability))));
            }
        }

        // Enum members are in value order; other members by kind (fields, constructors, properties, indexers, events,
        // methods, operators), then name, then signature.
        var ordered = type.IsEnum
            ? members
            : members.OrderBy(m => m.Order).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Text, StringComparer.Ordinal).ToList();
        foreach (var (_, _, text) in ordered)
        {
            builder.Append("  ").Append(text).Append('\n');
        }
    }

    private static bool IsDelegate(Type type) => type.IsSubclassOf(typeof(MulticastDelegate));

    private static string TypeDeclaration(Type type)
    {
        var text = new StringBuilder(Access(type));
        if (IsDelegate(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            var nullability = new NullabilityInfoContext();
            return text.Append(" delegate ").Append(ReturnText(invoke, nullability)).Append(' ').Append(TypeName(type))
                .Append('(').Append(Parameters(invoke, nullability)).Append(");").Append(Constraints(type.GetGenericArguments())).ToString();
        }

        if (type.IsEnum)
        {
            text.Append(" enum ").Append(TypeName(type));
            var underlying = Enum.GetUnderlyingType(type);
            return underlying == typeof(int) ? text.ToString() : text.Append(" : ").Append(Keywords[underlying]).ToString();
        }

        if (type.IsInterface)
        {
            text.Append(" interface ");
        }
        else if (type.IsValueType)
        {
            text.Append(IsReadOnly(type) ? " readonly" : string.Empty)
                .Append(type.IsByRefLike ? " ref" : string.Empty)
                .Append(IsRecordStruct(type) ? " record struct " : " struct ");
        }
        else
        {
            text.Append(type.IsAbstract && type.IsSealed ? " static" : type.IsAbstract ? " abstract" : type.IsSealed ? " sealed" : string.Empty)
                .Append(type.GetMethod("<Clone>$") is not null ? " record " : " class ");
        }

        text.Append(TypeName(type));
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            bases.Add(TypeText(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsVisible).Select(i => TypeText(i)).Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            text.Append(" : ").AppendJoin(", ", bases);
        }

        return text.Append(Constraints(type.GetGenericArguments())).ToString();
    }

    private static bool IsReadOnly(ICustomAttributeProvider member) =>
        member.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.IsReadOnlyAttribute");

    private static bool IsRecordStruct(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(StringBuilder)]) is { } print
        && print.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    private static string Field(FieldInfo field, NullabilityInfoContext nullability)
    {
        var type = TypeText(field.FieldType, nullability.Create(field));
        if (field.IsLiteral)
        {
            return $"{Access(field)} const {type} {field.Name} = {Literal(field.GetRawConstantValue(), field.FieldType)};";
        }

        var modifiers = (field.IsStatic ? "static " : string.Empty) + (field.IsInitOnly ? "readonly " : string.Empty);
        return $"{Access(field)} {modifiers}{type} {field.Name};";
    }

    private static string Property(Type type, PropertyInfo property, NullabilityInfoContext nullability)
    {
        var getter = IsVisible(property.GetMethod) ? property.GetMethod : null;
        var setter = IsVisible(property.SetMethod) ? property.SetMethod : null;
        var main = getter ?? setter!;
        var access = Access(main);
        var accessors = new StringBuilder("{ ");
        if (getter is not null)
        {
            accessors.Append(Access(getter) == access ? string.Empty : Access(getter) + " ").Append("get; ");
        }

        if (setter is not null)
        {
            var init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            accessors.Append(Access(setter) == access ? string.Empty : Access(setter) + " ").Append(init ? "init; " : "set; ");
        }

        accessors.Append('}');
        var required = property.IsDefined(typeof(RequiredMemberAttribute), inherit: false) ? "required " : string.Empty;
        var byRef = property.PropertyType.IsByRef ? (IsReadOnly(main.ReturnParameter) ? "ref readonly " : "ref ") : string.Empty;
        var propertyType = TypeText(property.PropertyType, nullability.Create(property));
        var indexParameters = property.GetIndexParameters();
        var name = indexParameters.Length == 0
            ? property.Name
            : $"this[{string.Join(", ", indexParameters.Select(p => Parameter(p, nullability, isExtension: false)))}]";
        return $"{access} {Modifiers(type, main)}{required}{byRef}{propertyType} {name} {accessors}";
    }

    private static string Method(Type type, MethodInfo method, NullabilityInfoContext nullability)
    {
        var access = Access(method);
        var modifiers = Modifiers(type, method);
        var returns = ReturnText(method, nullability);
        var parameters = Parameters(method, nullability);
        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            return $"{access} {modifiers}{(method.Name == "op_Implicit" ? "implicit" : "explicit")} operator {returns}({parameters});";
        }

        if (Operators.TryGetValue(method.Name, out var op))
        {
            return $"{access} {modifiers}{returns} operator {op}({parameters});";
        }

        var generics = method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : string.Empty;
        return $"{access} {modifiers}{returns} {method.Name}{generics}({parameters});{Constraints(method.GetGenericArguments())}";
    }

    private static string ReturnText(MethodInfo method, NullabilityInfoContext nullability)
    {
        var returnType = method.ReturnType;
        if (returnType.IsByRef)
        {
            return (IsReadOnly(method.ReturnParameter) ? "ref readonly " : "ref ") + TypeText(returnType.GetElementType()!, nullability.Create(method.ReturnParameter).ElementType);
        }

        return TypeText(returnType, nullability.Create(method.ReturnParameter));
    }

    private static string Modifiers(Type type, MethodInfo method)
    {
        var text = method.IsStatic ? "static " : string.Empty;
        if (type.IsInterface)
        {
            return method.IsStatic && method.IsAbstract ? "static abstract " : text;
        }

        if (method.IsAbstract)
        {
            return text + "abstract ";
        }

        if (method.IsVirtual)
        {
            var overrides = method.GetBaseDefinition() != method;
            if (!method.IsFinal)
            {
                return text + (overrides ? "override " : "virtual ");
            }

            if (overrides)
            {
                return text + "sealed override ";
            }
        }

        return text;
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability)
    {
        var isExtension = method.IsDefined(typeof(ExtensionAttribute), inherit: false);
        return string.Join(", ", method.GetParameters().Select((p, i) => Parameter(p, nullability, isExtension && i == 0)));
    }

    private static string Parameter(ParameterInfo parameter, NullabilityInfoContext nullability, bool isExtension)
    {
        var text = new StringBuilder(isExtension ? "this " : string.Empty);
        var type = parameter.ParameterType;
        var info = nullability.Create(parameter);
        if (type.IsByRef)
        {
            var requiresLocation = parameter.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.RequiresLocationAttribute");
            text.Append(parameter.IsOut ? "out " : requiresLocation ? "ref readonly " : parameter.IsIn ? "in " : "ref ");
            type = type.GetElementType()!;
            info = info.ElementType ?? info;
        }
        else if (parameter.IsDefined(typeof(ParamArrayAttribute), inherit: false) || parameter.IsDefined(typeof(ParamCollectionAttribute), inherit: false))
        {
            text.Append("params ");
        }

        if (parameter.IsDefined(typeof(ScopedRefAttribute), inherit: false))
        {
            text.Insert(0, "scoped ");
        }

        text.Append(TypeText(type, info)).Append(' ').Append(parameter.Name);
        if (parameter.HasDefaultValue)
        {
            text.Append(" = ").Append(Literal(parameter.RawDefaultValue, type));
        }

        return text.ToString();
    }

    private static string Literal(object? value, Type type) => value switch
    {
        null => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? "default" : "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        char c => $"'{c}'",
        bool b => b ? "true" : "false",
        _ when (Nullable.GetUnderlyingType(type) ?? type).IsEnum => EnumLiteral(Nullable.GetUnderlyingType(type) ?? type, value),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string EnumLiteral(Type enumType, object value)
    {
        var name = Enum.GetName(enumType, value);
        return name is null
            ? $"({TypeText(enumType)}){Convert.ToString(value, CultureInfo.InvariantCulture)}"
            : $"{TypeText(enumType)}.{name}";
    }

    private static string Constraints(Type[] genericArguments)
    {
        var text = new StringBuilder();
        foreach (var argument in genericArguments.Where(a => a.IsGenericParameter))
        {
            var constraints = new List<string>();
            var attributes = argument.GenericParameterAttributes;
            if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
            {
                constraints.Add("class");
            }

            if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("struct");
            }

            constraints.AddRange(argument.GetGenericParameterConstraints().Where(c => c != typeof(ValueType)).Select(c => TypeText(c)).Order(StringComparer.Ordinal));
            if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && !attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("new()");
            }

            if (constraints.Count > 0)
            {
                text.Append(" where ").Append(argument.Name).Append(" : ").AppendJoin(", ", constraints);
            }
        }

        return text.ToString();
    }

    private static string WithAttributes(MemberInfo member, string declaration)
    {
        var attributes = Attributes(member).ToList();
        return attributes.Count == 0 ? declaration : string.Join(' ', attributes) + " " + declaration;
    }

    private static IEnumerable<string> Attributes(MemberInfo member)
    {
        var data = member.GetCustomAttributesData();

        // The compiler marks constructors of types with required members [Obsolete] for old compilers; that is noise.
        var featureGuard = data.Any(a => a.AttributeType == typeof(CompilerFeatureRequiredAttribute));
        return data
            .Where(a => RecordedAttributes.Contains(a.AttributeType.FullName, StringComparer.Ordinal))
            .Where(a => !(featureGuard && a.AttributeType == typeof(ObsoleteAttribute)))
            .Select(a => "[" + TypeText(a.AttributeType) + "(" + string.Join(", ", a.ConstructorArguments.Select(c => Literal(c.Value, c.ArgumentType))
                .Concat(a.NamedArguments.Select(n => n.MemberName + " = " + Literal(n.TypedValue.Value, n.TypedValue.ArgumentType)))) + ")]")
            .Order(StringComparer.Ordinal);
    }

    private static string Access(Type type) =>
        !type.IsNested || type.IsNestedPublic ? "public" : type.IsNestedFamORAssem ? "protected internal" : "protected";

    private static string Access(MethodBase method) =>
        method.IsPublic ? "public" : method.IsFamilyOrAssembly ? "protected internal" : method.IsFamily ? "protected" : "internal";

    private static string Access(FieldInfo field) =>
        field.IsPublic ? "public" : field.IsFamilyOrAssembly ? "protected internal" : "protected";

    /// <summary>The name a declaration uses: <c>Outer.Inner&lt;T&gt;</c>, without the namespace.</summary>
    private static string SimpleName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    /// <summary>The full name a declaration heading uses, with its own generic parameters: <c>Ns.Outer.Inner&lt;T&gt;</c>.</summary>
    private static string TypeName(Type type) => TypeText(type);

    private static string TypeText(Type type, NullabilityInfo? nullability = null)
    {
        if (type.IsByRef)
        {
            return TypeText(type.GetElementType()!, nullability?.ElementType ?? nullability) + "&";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeText(underlying, nullability?.GenericTypeArguments.FirstOrDefault()) + "?";
        }

        var annotation = !type.IsValueType && nullability?.ReadState == NullabilityState.Nullable ? "?" : string.Empty;
        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return TypeText(type.GetElementType()!, nullability?.ElementType) + "[" + new string(',', rank - 1) + "]" + annotation;
        }

        if (type.IsPointer)
        {
            return TypeText(type.GetElementType()!) + "*";
        }

        if (type.IsGenericParameter)
        {
            return type.Name + annotation;
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword + annotation;
        }

        // Generic arguments of a nested type are spread over its declaring types: Outer<T>.Inner<U> has [T, U].
        var arguments = type.GetGenericArguments();
        var argumentInfos = nullability?.GenericTypeArguments ?? [];
        var used = 0;
        var parts = new List<string>();
        var chain = new List<Type>();
        for (var t = type; t is not null; t = t.IsNested ? t.DeclaringType : null)
        {
            chain.Insert(0, t);
        }

        foreach (var part in chain)
        {
            var count = part.GetGenericArguments().Length - used;
            var name = SimpleName(part);
            if (count > 0)
            {
                var rendered = Enumerable.Range(used, count)
                    .Select(i => TypeText(arguments[i], i < argumentInfos.Length ? argumentInfos[i] : null));
                name += "<" + string.Join(", ", rendered) + ">";
                used += count;
            }

            parts.Add(name);
        }

        var ns = string.IsNullOrEmpty(type.Namespace) ? string.Empty : type.Namespace + ".";
        return ns + string.Join('.', parts) + annotation;
    }
}
