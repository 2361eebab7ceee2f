using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Schema;

/// <summary>
/// The JSON Schema (draft-07) of <c>stacks/*.yaml</c>, generated from the config records by the same reflection
/// rules the loader binds with (<c>YamlBinder</c>): the constructor with most parameters, each parameter a
/// camelCase key, required unless it has a default or a nullable type, lists and string-keyed maps, enums by
/// camelCase name, no other keys. Ranges and patterns the validator enforces are added where JSON Schema can say
/// them (<see cref="Constraints"/>). Shipped as <c>schema/stack-config.schema.json</c> for editors
/// (yaml-language-server); a test regenerates and compares it.
/// </summary>
public static class StackConfigSchema
{
    public const string RepositoryPath = "schema/stack-config.schema.json";

    /// <summary>Validator rules JSON Schema can express, by record and parameter, with the rule file they come from.</summary>
    public static readonly IReadOnlyDictionary<(Type Record, string Parameter), JsonObject> Constraints = new Dictionary<(Type, string), JsonObject>
    {
        // StackConfigValidator.ValidateIdentity
        [(typeof(StackConfig), nameof(StackConfig.App))] = new() { ["pattern"] = "^[a-z][a-z0-9-]{0,19}$" },
        [(typeof(StackConfig), nameof(StackConfig.Environment))] = new() { ["pattern"] = "^[a-z][a-z0-9-]{0,19}$" },
        [(typeof(StackConfig), nameof(StackConfig.Account))] = new() { ["pattern"] = "^[0-9]{12}$" },
        // StackConfigValidator.ValidateRegions
        [(typeof(RegionConfig), nameof(RegionConfig.TrafficWeight))] = new() { ["minimum"] = 0, ["maximum"] = 100 },
        [(typeof(RegionConfig), nameof(RegionConfig.AvailabilityZones))] = new() { ["minItems"] = 2 },
        [(typeof(RegionConfig), nameof(RegionConfig.Name))] = new() { ["enum"] = new JsonArray(AwsRegions.All.Order(StringComparer.Ordinal).Select(r => (JsonNode)r).ToArray()) },
        // DataRules
        [(typeof(DatabaseConfig), nameof(DatabaseConfig.BackupRetentionDays))] = new() { ["minimum"] = 1, ["maximum"] = 35 },
        [(typeof(CacheSizing), nameof(CacheSizing.Shards))] = new() { ["minimum"] = 1, ["maximum"] = 500 },
        // EdgeRules / AcceleratorConfig
        [(typeof(AcceleratorConfig), nameof(AcceleratorConfig.HealthCheckIntervalSeconds))] = new() { ["enum"] = new JsonArray(HealthCheckConfig.AllowedIntervals.Order().Select(i => (JsonNode)i).ToArray()) },
        [(typeof(AcceleratorConfig), nameof(AcceleratorConfig.ListenerPort))] = new() { ["minimum"] = 1, ["maximum"] = 65535 },
        [(typeof(AcceleratorConfig), nameof(AcceleratorConfig.HealthCheckThreshold))] = new() { ["minimum"] = 1, ["maximum"] = 10 },
        [(typeof(EndpointGroupConfig), nameof(EndpointGroupConfig.TrafficDialPercent))] = new() { ["minimum"] = 0, ["maximum"] = 100 },
        [(typeof(EndpointGroupConfig), nameof(EndpointGroupConfig.Weight))] = new() { ["minimum"] = 0, ["maximum"] = 255 },
        // ComputeRules
        [(typeof(ComputeConfig), nameof(ComputeConfig.KubernetesVersion))] = new() { ["pattern"] = @"^1\.(2[3-9]|3[0-9])$" },
    };

    /// <summary>What a record (parameter null) or one of its parameters means, for editors' hovers; null when undocumented.</summary>
    public delegate string? Describe(Type record, string? parameter);

    public static string Json(Describe? describe = null) => Generate(describe).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    public static JsonObject Generate(Describe? describe = null)
    {
        var definitions = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        var root = RecordSchema(typeof(StackConfig), definitions, describe ?? ((_, _) => null));
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "MultiRegion.Infra stack config (stacks/*.yaml)",
            ["description"] = "Generated from the config records (src/MultiRegion.Infra.Model/Config); regenerate with UPDATE_SCHEMA=1 dotnet test --filter FullyQualifiedName~StackConfigSchemaTests",
        };
        foreach (var (key, value) in root) schema[key] = value?.DeepClone();
        schema["definitions"] = new JsonObject(definitions.Select(d => KeyValuePair.Create(d.Key, d.Value)));
        return schema;
    }

    /// <summary>Every record type the binder can reach from <see cref="StackConfig"/>.</summary>
    public static IReadOnlyList<Type> Records()
    {
        var found = new List<Type>();
        void Visit(Type t)
        {
            t = Element(t);
            if (!IsRecord(t) || found.Contains(t)) return;
            found.Add(t);
            foreach (var p in Constructor(t).GetParameters()) Visit(p.ParameterType);
        }
        Visit(typeof(StackConfig));
        return found;
    }

    /// <summary>The constructor the binder uses: the one with most parameters.</summary>
    public static ConstructorInfo Constructor(Type record) => record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    public static string Key(ParameterInfo p) => char.ToLowerInvariant(p.Name![0]) + p.Name[1..];

    public static bool IsOptional(ParameterInfo p) =>
        p.HasDefaultValue || Nullable.GetUnderlyingType(p.ParameterType) is not null
        || (!p.ParameterType.IsValueType && new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable);

    private static JsonObject RecordSchema(Type type, IDictionary<string, JsonNode?> definitions, Describe describe)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var p in Constructor(type).GetParameters())
        {
            var property = TypeSchema(p.ParameterType, definitions, describe);
            if (describe(type, p.Name) is { } text) property["description"] = text;
            if (Constraints.TryGetValue((type, p.Name!), out var extra))
                foreach (var (k, v) in extra) property[k] = v?.DeepClone();
            if (p.HasDefaultValue && p.DefaultValue is not null)
                property["default"] = Default(p);
            properties[Key(p)] = property;
            if (!IsOptional(p)) required.Add(Key(p));
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (type != typeof(StackConfig) && describe(type, null) is { } summary) schema["description"] = summary;
        if (required.Count > 0) schema["required"] = required;
        return schema;
    }

    private static JsonObject TypeSchema(Type type, IDictionary<string, JsonNode?> definitions, Describe describe)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return new() { ["type"] = "string" };
        if (t == typeof(int) || t == typeof(long)) return new() { ["type"] = "integer" };
        if (t == typeof(double) || t == typeof(decimal)) return new() { ["type"] = "number" };
        if (t == typeof(bool)) return new() { ["type"] = "boolean" };
        if (t.IsEnum) return new() { ["type"] = "string", ["enum"] = new JsonArray(Enum.GetNames(t).Select(n => (JsonNode)(char.ToLowerInvariant(n[0]) + n[1..])).ToArray()) };
        if (IsGeneric(t, typeof(IReadOnlyList<>)))
            return new() { ["type"] = "array", ["items"] = TypeSchema(t.GetGenericArguments()[0], definitions, describe) };
        if (IsGeneric(t, typeof(IReadOnlyDictionary<,>)))
            return new() { ["type"] = "object", ["additionalProperties"] = TypeSchema(t.GetGenericArguments()[1], definitions, describe) };
        if (!definitions.ContainsKey(t.Name))
        {
            definitions[t.Name] = null; // placeholder against recursion
            definitions[t.Name] = RecordSchema(t, definitions, describe);
        }
        return new() { ["$ref"] = $"#/definitions/{t.Name}" };
    }

    private static JsonNode? Default(ParameterInfo p)
    {
        var t = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        return p.DefaultValue switch
        {
            _ when t.IsEnum => Enum.ToObject(t, p.DefaultValue!).ToString() is { } n ? char.ToLowerInvariant(n[0]) + n[1..] : null,
            string s => s,
            bool b => b,
            int i => i,
            long l => l,
            double d => d,
            _ => null,
        };
    }

    private static Type Element(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (IsGeneric(t, typeof(IReadOnlyList<>))) return Element(t.GetGenericArguments()[0]);
        if (IsGeneric(t, typeof(IReadOnlyDictionary<,>))) return Element(t.GetGenericArguments()[1]);
        return t;
    }

    private static bool IsRecord(Type t) =>
        t.IsClass && t != typeof(string) && t.Namespace == typeof(StackConfig).Namespace;

    private static bool IsGeneric(Type t, Type open) => t.IsGenericType && t.GetGenericTypeDefinition() == open;
}
