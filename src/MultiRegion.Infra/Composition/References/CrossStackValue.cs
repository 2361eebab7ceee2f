using Amazon.CDK;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Composition.References;

/// <summary>
/// Values one stack hands another (a load balancer's DNS name, a Global Datastore id), as weak references that
/// survive the producer replacing the resource or going away.
/// <para>
/// CDK's own cross-stack references are strong: a same-region <c>Fn::ImportValue</c> export cannot change or be
/// removed while imported, and the cross-region writer (<c>Custom::CrossRegionExportWriter</c>) mimics that and
/// refuses with "Exports cannot be updated" (https://github.com/aws/aws-cdk/issues/27902,
/// https://github.com/aws/aws-cdk/issues/22842, https://github.com/aws/aws-cdk/issues/30771), so replacing a load
/// balancer or a datastore, or dropping a region, wedges the stacks. Instead the producer writes an explicitly
/// named SSM parameter (<see cref="PublishedParameter"/>, <c>/&lt;app&gt;/&lt;env&gt;/&lt;region&gt;/&lt;key&gt;</c>)
/// and the consumer reads it at deploy time in the producer's region (<see cref="ParameterReader"/>). The consumer
/// depends on the producer, so <c>cdk deploy --all</c> still deploys the producer first.
/// </para>
/// </summary>
public static class CrossStackValue
{
    /// <summary>The parameter a value is published under: <c>/&lt;app&gt;/&lt;env&gt;/&lt;region&gt;/&lt;key&gt;</c>.</summary>
    public static string ParameterName(StackConfig config, string region, string key) =>
        $"/{config.App}/{config.Environment}/{region}/{key}";

    /// <summary>
    /// <paramref name="value"/> (a token of <paramref name="producer"/>) as seen from <paramref name="consumer"/>:
    /// itself in the same stack, else published by the producer and read by the consumer.
    /// </summary>
    public static string Read(Stack consumer, Stack producer, StackConfig config, string key, string value)
    {
        if (ReferenceEquals(consumer, producer))
            return value;
        var parameter = PublishedParameter.Publish(producer, ParameterName(config, producer.Region, key), value);
        consumer.AddDependency(producer, $"reads {parameter} (written by {producer.StackName})");
        return ParameterReader.In(consumer).Read(producer.Region, parameter);
    }
}
