using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Model.Tests.Data;

public sealed class DataLayoutTests
{
    [Fact]
    public void Prod_gets_replica_stacks_per_destination_and_a_backup_stack_in_us_east_2()
    {
        var specs = StackLayout.For(DataYaml.Load(DataYaml.Shipped("prod")));
        Assert.Contains(new StackSpec("mlops-prod-us-east-1-replicas", "us-east-1", StackKind.Replica, "replica"), specs);
        Assert.Contains(new StackSpec("mlops-prod-eu-west-1-replicas", "eu-west-1", StackKind.Replica, "replica"), specs);
        Assert.Contains(new StackSpec("mlops-prod-backup", "us-east-2", StackKind.Backup, "backup"), specs);
        Assert.Equal(specs.Count, specs.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Videochat_has_no_replica_or_backup_stacks()
    {
        var specs = StackLayout.For(DataYaml.Load(DataYaml.Shipped("videochat")));
        Assert.DoesNotContain(specs, s => s.Kind is StackKind.Replica or StackKind.Backup);
    }

    [Fact]
    public void Physical_names_fit_aws_limits()
    {
        var c = DataYaml.Load(DataYaml.Shipped("prod"));
        Assert.Equal("mlops-prod-artifacts-eu-west-1-111111111111", DataNames.Bucket(c, "artifacts", "eu-west-1"));
        Assert.True(DataNames.Bucket(c, "artifacts", "eu-west-1").Length <= 63);
        Assert.True(DataNames.ReplicationGroup(c, "features").Length <= 40);
    }
}
