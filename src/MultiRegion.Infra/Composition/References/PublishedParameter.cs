using Amazon.CDK;
using Amazon.CDK.AWS.SSM;
using Constructs;

namespace MultiRegion.Infra.Composition.References;

/// <summary>
/// The SSM parameters a stack publishes for other stacks, under one <c>Published</c> construct per stack. A parameter
/// is an ordinary resource of the producer: replacing the resource behind it just updates the value, and nothing
/// stops the producer from changing or deleting it (readers hold no lock on it).
/// </summary>
public sealed class PublishedParameter : Construct
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private PublishedParameter(Construct scope, string id) : base(scope, id)
    {
    }

    /// <summary>Writes <paramref name="value"/> to parameter <paramref name="name"/> in <paramref name="producer"/> (once per name) and returns the name.</summary>
    public static string Publish(Stack producer, string name, string value)
    {
        var published = producer.Node.TryFindChild("Published") as PublishedParameter ?? new PublishedParameter(producer, "Published");
        if (published._values.TryGetValue(name, out var existing))
        {
            if (existing != value)
                throw new InvalidOperationException($"{producer.StackName} publishes two different values as {name}");
            return name;
        }
        published._values[name] = value;
        new StringParameter(published, Id(name), new StringParameterProps
        {
            ParameterName = name,
            StringValue = value,
            Description = $"Read at deploy time by other stacks of this platform (weak reference, written by {producer.StackName})",
        });
        return name;
    }

    /// <summary>Construct id from a parameter name: <c>/mlops/prod/us-west-2/alb-dns-name</c> becomes <c>MlopsProdUsWest2AlbDnsName</c>.</summary>
    internal static string Id(string name) =>
        string.Concat(name.Split('/', '-', '.', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
