using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Infra.Model.Tests.Schema;

/// <summary>
/// Validates a YAML document against the subset of JSON Schema that <c>StackConfigSchema</c> generates (type,
/// properties, required, additionalProperties, items, enum, minimum, maximum, minItems, pattern, $ref to
/// definitions). Scalars are typed the way an editor's YAML language server types them (YAML 1.2 core schema):
/// a plain 443 is a number, a quoted "443" a string, so a value an editor would flag fails here too.
/// </summary>
internal sealed class SchemaValidator(JsonObject root)
{
    public List<string> Errors { get; } = [];

    public static List<string> Validate(JsonObject schema, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var v = new SchemaValidator(schema);
        v.Check(stream.Documents[0].RootNode, schema, "");
        return v.Errors;
    }

    private void Check(YamlNode node, JsonObject schema, string path)
    {
        if (schema["$ref"] is { } reference)
        {
            var name = ((string)reference!)["#/definitions/".Length..];
            Check(node, root["definitions"]![name]!.AsObject(), path);
            return;
        }
        var type = (string?)schema["type"];
        switch (node)
        {
            case YamlMappingNode map:
                if (type != "object") { Fail(path, $"a mapping where the schema wants {type}"); return; }
                var properties = schema["properties"]?.AsObject();
                foreach (var (k, v) in map.Children)
                {
                    var key = ((YamlScalarNode)k).Value!;
                    var at = path.Length == 0 ? key : $"{path}.{key}";
                    if (properties?[key] is JsonObject property) Check(v, property, at);
                    else if (schema["additionalProperties"] is JsonObject additional) Check(v, additional, at);
                    else if (schema["additionalProperties"] is JsonValue allowed && !(bool)allowed) Fail(at, "key not in the schema");
                }
                foreach (var required in schema["required"]?.AsArray() ?? [])
                    if (!map.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == (string)required!))
                        Fail(path, $"missing required key {required}");
                break;
            case YamlSequenceNode seq:
                if (type != "array") { Fail(path, $"a list where the schema wants {type}"); return; }
                if (schema["minItems"] is { } min && seq.Children.Count < (int)min) Fail(path, $"fewer than {min} items");
                for (var i = 0; i < seq.Children.Count; i++) Check(seq.Children[i], schema["items"]!.AsObject(), $"{path}[{i}]");
                break;
            case YamlScalarNode scalar:
                CheckScalar(scalar, schema, type, path);
                break;
        }
    }

    private void CheckScalar(YamlScalarNode scalar, JsonObject schema, string? type, string path)
    {
        var text = scalar.Value ?? "";
        var plain = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;
        var inv = CultureInfo.InvariantCulture;
        // YAML 1.2 core schema: what a plain scalar is.
        var isInt = plain && long.TryParse(text, NumberStyles.AllowLeadingSign, inv, out _);
        var isNumber = plain && double.TryParse(text, NumberStyles.Float, inv, out _);
        var isBool = plain && text is "true" or "false" or "True" or "False" or "TRUE" or "FALSE";
        var ok = type switch
        {
            "string" => !(isNumber || isBool),
            "integer" => isInt,
            "number" => isNumber,
            "boolean" => isBool,
            _ => false,
        };
        if (!ok) { Fail(path, $"'{text}' is not a {type}{(type == "string" && plain ? " (quote it)" : "")}"); return; }
        if (schema["enum"] is JsonArray values && !values.Any(v => v!.ToString() == text)) Fail(path, $"'{text}' is not one of {values.ToJsonString()}");
        if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, (string)pattern!)) Fail(path, $"'{text}' does not match {pattern}");
        if (schema["minimum"] is { } minimum && double.Parse(text, inv) < double.Parse(minimum.ToJsonString(), inv)) Fail(path, $"{text} < {minimum}");
        if (schema["maximum"] is { } maximum && double.Parse(text, inv) > double.Parse(maximum.ToJsonString(), inv)) Fail(path, $"{text} > {maximum}");
    }

    private void Fail(string path, string message) => Errors.Add($"{path}: {message}");
}
