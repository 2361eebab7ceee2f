using System.Text.Json;
using MultiRegion.Infra.Regional.Data;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

/// <summary>With protected data, no stateful resource in any synthesized stack can be deleted by a stack operation.</summary>
public sealed class StatefulPolicyTests
{
    public static TheoryData<string> Protected => new() { "prod", "videochat" };

    [Theory]
    [MemberData(nameof(Protected))]
    public void Every_stateful_resource_is_retained_except_on_create_or_snapshotted_and_deletion_protected(string config)
    {
        var platform = SynthesizedPlatform.Shipped(config);
        Assert.True(platform.Config.ProtectData);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (_, stack) in platform.Platform.Stacks)
            foreach (var (id, resource) in TemplateJson.Of(platform, stack).Resources)
            {
                var type = resource.GetProperty("Type").GetString()!;
                if (!StatefulResources.Types.Contains(type)) continue;
                checkedCount++;
                // RetainExceptOnCreate, not Retain: a rolled-back first create must not leave a named resource
                // behind (the retry would fail with AlreadyExists). Replacement keeps the old one (Retain/Snapshot).
                var deletion = resource.TryGetProperty("DeletionPolicy", out var d) ? d.GetString() : "Delete (default)";
                if (deletion is not ("RetainExceptOnCreate" or "Snapshot"))
                    failures.Add($"{stack.StackName}/{id} ({type}): DeletionPolicy is {deletion}, expected RetainExceptOnCreate or Snapshot");
                var replace = resource.TryGetProperty("UpdateReplacePolicy", out var r) ? r.GetString() : "Delete (default)";
                if (replace is not ("Retain" or "Snapshot"))
                    failures.Add($"{stack.StackName}/{id} ({type}): UpdateReplacePolicy is {replace}");
                if (StatefulResources.WithDeletionProtection.Contains(type)
                    && TemplateJson.Prop(resource, "DeletionProtection") is not { ValueKind: JsonValueKind.True })
                    failures.Add($"{stack.StackName}/{id} ({type}): DeletionProtection is not true");
            }
        Assert.True(checkedCount > 0, "no stateful resources found: the check would prove nothing");
        Assert.True(failures.Count == 0, "stateful resources that a stack operation could delete:\n  " + string.Join("\n  ", failures));
    }

    [Fact]
    public void Databases_keep_a_final_snapshot_in_prod()
    {
        var t = TemplateJson.Of(SynthesizedPlatform.Shipped("prod"), SynthesizedPlatform.Shipped("prod").Platform.Regional["us-west-2"]);
        var cluster = t.OfType("AWS::RDS::DBCluster").Single().Resource;
        Assert.Equal("Snapshot", cluster.GetProperty("DeletionPolicy").GetString());
    }

    [Fact]
    public void Dev_is_disposable()
    {
        var dev = SynthesizedPlatform.Shipped("dev");
        var cluster = TemplateJson.Of(dev, dev.Platform.Regional["us-west-2"]).OfType("AWS::RDS::DBCluster").Single().Resource;
        Assert.Equal("Delete", cluster.GetProperty("DeletionPolicy").GetString());
        Assert.Equal(JsonValueKind.False, TemplateJson.Prop(cluster, "DeletionProtection")!.Value.ValueKind);
    }
}
