using System.Text.Json.Nodes;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Schema;
using MultiRegion.Infra.Model.Tests.Loading;

namespace MultiRegion.Infra.Model.Tests.Schema;

/// <summary>
/// schema/stack-config.schema.json is the generated schema, it agrees with the loader, and every shipped config
/// validates against it. Regenerate: <c>UPDATE_SCHEMA=1 dotnet test --filter FullyQualifiedName~StackConfigSchemaTests</c>.
/// </summary>
public sealed class StackConfigSchemaTests
{
    private static string RepoRoot => Path.GetDirectoryName(ShippedConfigTests.StacksDir)!;

    private static string SchemaFile => Path.Combine(RepoRoot, StackConfigSchema.RepositoryPath);

    private static readonly StackConfigSchema.Describe Docs =
        RecordDocs.From(Path.Combine(Path.GetDirectoryName(ShippedConfigTests.StacksDir)!, "src", "MultiRegion.Infra.Model", "Config"));

    private static readonly JsonObject Schema = StackConfigSchema.Generate(Docs);

    public static TheoryData<string> ShippedConfigs =>
        new(Directory.GetFiles(ShippedConfigTests.StacksDir, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Fact]
    public void The_shipped_schema_is_the_one_generated_from_the_config_records()
    {
        var generated = StackConfigSchema.Json(Docs);
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SchemaFile)!);
            File.WriteAllText(SchemaFile, generated);
        }
        Assert.True(File.Exists(SchemaFile), $"{StackConfigSchema.RepositoryPath} is missing: run UPDATE_SCHEMA=1 dotnet test --filter FullyQualifiedName~StackConfigSchemaTests");
        Assert.True(File.ReadAllText(SchemaFile) == generated,
            $"{StackConfigSchema.RepositoryPath} is stale: run UPDATE_SCHEMA=1 dotnet test --filter FullyQualifiedName~StackConfigSchemaTests");
    }

    [Fact]
    public void Every_key_of_every_config_record_is_in_the_schema_with_its_type()
    {
        var definitions = Schema["definitions"]!.AsObject();
        var records = StackConfigSchema.Records();
        Assert.Contains(typeof(RegionConfig), records);
        foreach (var record in records)
        {
            var schema = record == typeof(StackConfig) ? Schema : definitions[record.Name]!.AsObject();
            var properties = schema["properties"]!.AsObject();
            var parameters = StackConfigSchema.Constructor(record).GetParameters();
            Assert.Equal(parameters.Select(StackConfigSchema.Key).Order(StringComparer.Ordinal), properties.Select(p => p.Key).Order(StringComparer.Ordinal));
            foreach (var p in parameters)
                Assert.True(Matches(p.ParameterType, properties[StackConfigSchema.Key(p)]!.AsObject()), $"{record.Name}.{p.Name}: schema type does not match {p.ParameterType}");
            var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
            Assert.Equal(parameters.Where(p => !StackConfigSchema.IsOptional(p)).Select(StackConfigSchema.Key).ToHashSet(), required);
        }
    }

    // Written apart from the generator: the kind of JSON value the binder accepts for each CLR type.
    private static bool Matches(Type type, JsonObject property)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var kind = (string?)property["type"];
        if (t == typeof(string) || t.IsEnum) return kind == "string";
        if (t == typeof(int) || t == typeof(long)) return kind == "integer";
        if (t == typeof(double) || t == typeof(decimal)) return kind == "number";
        if (t == typeof(bool)) return kind == "boolean";
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return kind == "array" && Matches(t.GetGenericArguments()[0], property["items"]!.AsObject());
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            return kind == "object" && Matches(t.GetGenericArguments()[1], property["additionalProperties"]!.AsObject());
        return (string?)property["$ref"] == $"#/definitions/{t.Name}";
    }

    [Fact]
    public void Settings_carry_their_record_documentation_for_editors()
    {
        var region = Schema["definitions"]!["RegionConfig"]!["properties"]!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace((string?)region["trafficWeight"]?["description"]));
        Assert.DoesNotContain("<", (string?)region["trafficWeight"]?["description"] ?? "<");
    }

    [Theory]
    [MemberData(nameof(ShippedConfigs))]
    public void Every_shipped_config_validates_against_the_schema(string name)
    {
        var text = File.ReadAllText(Path.Combine(ShippedConfigTests.StacksDir, name + ".yaml"));
        Assert.Empty(SchemaValidator.Validate(Schema, text));
    }

    [Theory]
    [MemberData(nameof(ShippedConfigs))]
    public void Every_shipped_config_names_the_schema_on_its_first_line(string name)
    {
        var first = File.ReadLines(Path.Combine(ShippedConfigTests.StacksDir, name + ".yaml")).First();
        Assert.Equal("# yaml-language-server: $schema=../" + StackConfigSchema.RepositoryPath, first);
    }

    /// <summary>What the loader refuses at a path, the schema refuses at the same path.</summary>
    [Theory]
    [InlineData("trafficWeight: 70", "trafficWeight: 101", "regions[0].trafficWeight")]
    [InlineData("trafficWeight: 70", "trafficWeight: lots", "regions[0].trafficWeight")]
    [InlineData("vpcCidr: 10.1.0.0/16", "vpcCidrs: 10.1.0.0/16", "regions[0].vpcCidrs")]
    [InlineData("role: primary", "role: main", "regions[0].role")]
    [InlineData("account: \"123456789012\"", "account: \"12345\"", "account")]
    [InlineData("name: us-west-2", "name: us-west-9", "regions[0].name")]
    [InlineData("availabilityZones: [us-west-2a, us-west-2b]", "availabilityZones: [us-west-2a]", "regions[0].availabilityZones")]
    public void The_schema_refuses_what_the_loader_refuses_at_the_same_path(string find, string replace, string path)
    {
        var yaml = ValidYaml.With(find, replace);
        var refused = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml"));
        Assert.Contains(refused.Problems, p => p.Path == path);
        Assert.Contains(SchemaValidator.Validate(Schema, yaml), e => e.StartsWith(path + ":", StringComparison.Ordinal));
        Assert.Empty(SchemaValidator.Validate(Schema, ValidYaml.Text));
    }
}
