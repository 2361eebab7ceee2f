using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Infra.Model.Loading;

/// <summary>
/// Binds a YAML node tree onto immutable records, strictly: unknown keys, wrong types and missing
/// required settings are all collected (with document path and line) instead of stopping at the first.
/// A record parameter is optional when it has a default value or a nullable type; otherwise required.
/// YAML keys are the camelCase form of the record's parameter names.
/// </summary>
internal sealed class YamlBinder(string file)
{
    private readonly NullabilityInfoContext _nullability = new();

    public List<ConfigProblem> Problems { get; } = [];

    /// <summary>Line of every document path seen, so later (semantic) rules can point at the source.</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    public T? Bind<T>(YamlNode root) where T : class => (T?)Bind(root, typeof(T), "");

    private object? Bind(YamlNode node, Type type, string path)
    {
        Lines.TryAdd(path, (int)node.Start.Line);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;

        if (underlying == typeof(string) || underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(decimal))
            return BindScalar(node, underlying, path);
        if (IsGeneric(underlying, typeof(IReadOnlyList<>)))
            return BindList(node, underlying.GetGenericArguments()[0], path);
        if (IsGeneric(underlying, typeof(IReadOnlyDictionary<,>)))
            return BindDictionary(node, underlying.GetGenericArguments()[1], path);
        return BindRecord(node, underlying, path);
    }

    private object? BindRecord(YamlNode node, Type type, string path)
    {
        if (node is not YamlMappingNode map)
            return Fail(node, path, $"expected a mapping of settings, got {Describe(node)}");

        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = ctor.GetParameters();
        var byKey = parameters.ToDictionary(p => CamelCase(p.Name!), StringComparer.Ordinal);
        var values = new object?[parameters.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value) ?? "";
            var childPath = Join(path, key);
            if (!byKey.TryGetValue(key, out var parameter))
            {
                Fail(keyNode, childPath, RetiredSettings.ByPath.TryGetValue(childPath, out var moved)
                    ? moved
                    : $"unknown setting '{Echo.Of(key)}'{DidYouMean.Hint(key, byKey.Keys)}");
                ok = false;
                continue;
            }
            if (IsNull(valueNode))
                continue; // treated as absent: required-ness is checked below
            seen.Add(key);
            var before = Problems.Count;
            values[parameter.Position] = Bind(valueNode, parameter.ParameterType, childPath);
            ok &= Problems.Count == before;
        }

        foreach (var parameter in parameters)
        {
            var key = CamelCase(parameter.Name!);
            if (seen.Contains(key)) continue;
            if (parameter.HasDefaultValue)
                values[parameter.Position] = DefaultOf(parameter);
            else if (IsNullable(parameter))
                values[parameter.Position] = null;
            else
            {
                Fail(map, Join(path, key), "missing required setting");
                ok = false;
            }
        }

        if (!ok) return null;
        try
        {
            return ctor.Invoke(values);
        }
        catch (TargetInvocationException e)
        {
            return Fail(node, path, $"cannot be used: {Echo.Of(e.InnerException?.Message ?? e.Message)}");
        }
    }

    private object? BindList(YamlNode node, Type element, string path)
    {
        if (node is not YamlSequenceNode seq)
            return Fail(node, path, $"expected a list, got {Describe(node)}");
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        var before = Problems.Count;
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = seq.Children[i];
            if (IsNull(item))
            {
                Fail(item, $"{path}[{i}]", "empty list item");
                continue;
            }
            // A wrong element is a problem at its own path; never add null (a list of numbers cannot hold it).
            if (Bind(item, element, $"{path}[{i}]") is { } value) list.Add(value);
        }
        return Problems.Count == before ? list : null;
    }

    private object? BindDictionary(YamlNode node, Type valueType, string path)
    {
        if (node is not YamlMappingNode map)
            return Fail(node, path, $"expected a mapping, got {Describe(node)}");
        var dict = (System.Collections.IDictionary)Activator.CreateInstance(
            typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
        var before = Problems.Count;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value) ?? "";
            var childPath = Join(path, key);
            if (IsNull(valueNode))
            {
                Fail(valueNode, childPath, "missing value");
                continue;
            }
            if (keyNode is not YamlScalarNode || key.Length == 0)
            {
                Fail(keyNode, childPath, "a name is needed here (a plain word)");
                continue;
            }
            if (Bind(valueNode, valueType, childPath) is { } value) dict[key] = value;
        }
        return Problems.Count == before ? dict : null;
    }

    private object? BindScalar(YamlNode node, Type type, string path)
    {
        if (node is not YamlScalarNode scalar)
            return Fail(node, path, $"expected {Expected(type)}, got {Describe(node)}");
        var text = scalar.Value ?? "";
        var inv = CultureInfo.InvariantCulture;

        if (type == typeof(string)) return text;
        if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, inv, out var i)) return i;
        if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, inv, out var l)) return l;
        if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, inv, out var d))
            return double.IsFinite(d) ? d : Fail(node, path, $"'{Echo.Of(text)}' is not a finite number");
        if ((type == typeof(int) || type == typeof(long)) && text.Length > 0 && text.TrimStart('-', '+').All(char.IsAsciiDigit))
            return Fail(node, path, $"{Echo.Of(text)} is too large for a whole number setting (at most {(type == typeof(int) ? int.MaxValue : long.MaxValue):N0})");
        if (type == typeof(decimal) && decimal.TryParse(text, NumberStyles.Float, inv, out var m)) return m;
        if (type == typeof(bool) && text is "true" or "false") return text == "true";
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(CamelCase).ToList();
            var match = names.FirstOrDefault(n => string.Equals(n, text.Replace("-", ""), StringComparison.OrdinalIgnoreCase));
            if (match is not null) return Enum.Parse(type, match, ignoreCase: true);
            return Fail(node, path, $"'{Echo.Of(text)}' is not one of {string.Join(", ", names)}{DidYouMean.Hint(text, names)}");
        }
        return Fail(node, path, $"expected {Expected(type)}, got '{Echo.Of(text)}'");
    }

    private object? Fail(YamlNode node, string path, string message)
    {
        Problems.Add(new ConfigProblem(file, (int)node.Start.Line, path, message));
        return null;
    }

    private object? DefaultOf(ParameterInfo p)
    {
        var value = p.DefaultValue;
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        return value is not null && type.IsEnum ? Enum.ToObject(type, value) : value;
    }

    private bool IsNullable(ParameterInfo p) =>
        Nullable.GetUnderlyingType(p.ParameterType) is not null
        || (!p.ParameterType.IsValueType && _nullability.Create(p).WriteState == NullabilityState.Nullable);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s && s.Value is null or "" or "~" or "null";

    private static bool IsGeneric(Type t, Type open) => t.IsGenericType && t.GetGenericTypeDefinition() == open;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Expected(Type t) =>
        t == typeof(int) || t == typeof(long) ? "a whole number"
        : t == typeof(double) || t == typeof(decimal) ? "a number"
        : t == typeof(bool) ? "true or false"
        : t.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(t).Select(CamelCase))}"
        : "text";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{Echo.Of(s.Value)}'",
        _ => "something else",
    };
}
