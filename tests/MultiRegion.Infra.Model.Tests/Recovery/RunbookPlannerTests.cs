using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Recovery;
using MultiRegion.Infra.Model.Tests.Data;

namespace MultiRegion.Infra.Model.Tests.Recovery;

/// <summary>The runbooks' steps, targets, hosts and IAM scope per failure scenario, as the planner gives them to the documents.</summary>
public sealed class RunbookPlannerTests
{
    private static readonly StackConfig Prod = DataYaml.Load(DataYaml.Shipped("prod"));

    private static Runbook Failover(StackConfig c, string region) => RunbookPlanner.Plan(c).Single(r => r.Kind == RunbookKind.Failover && r.FailedRegion == region);

    [Theory]
    [InlineData("us-west-2", "us-east-1", new[] { "us-east-1", "eu-west-1" })]
    [InlineData("us-east-1", "us-west-2", new[] { "us-west-2", "eu-west-1" })]
    [InlineData("eu-west-1", "us-west-2", new[] { "us-west-2", "us-east-1" })]
    public void A_failover_runbook_lives_only_in_the_regions_that_survive_it_and_promotes_the_first_survivor(string failed, string target, string[] hosts)
    {
        var r = Failover(Prod, failed);
        Assert.Equal(hosts, r.HostRegions);
        Assert.Equal(target, r.WriterRegion);
        Assert.DoesNotContain(failed, r.TargetCandidates);
        Assert.Equal(["Approve", "PromoteDatabase", "PromoteCacheModels", "PromoteCacheFeatures", "RepointWriters", "RaiseNodeGroupFloors"],
            r.Steps.Select(s => s.Name));
        Assert.Equal(failed, r.Steps.Single(s => s.Name == "PromoteDatabase").Input["OnlyIfWriterIn"]);
    }

    [Fact]
    public void The_failback_runbook_switches_back_to_the_configured_primary_without_data_loss_and_restores_the_floors()
    {
        var r = RunbookPlanner.Plan(Prod).Single(x => x.Kind == RunbookKind.Failback && x.FailedRegion == "us-west-2");
        Assert.Equal("us-west-2", r.WriterRegion);
        Assert.Equal(["us-west-2"], r.TargetCandidates);
        Assert.Equal(false, r.Steps.Single(s => s.Name == "PromoteDatabase").Input["AllowDataLoss"]);
        Assert.Equal("", r.Steps.Single(s => s.Name == "PromoteDatabase").Input["OnlyIfWriterIn"]);
        Assert.Equal("RestoreNodeGroupFloors", r.Steps[^1].Name);
        Assert.DoesNotContain(r.Steps, s => s.Action == RunbookAction.Approve);
    }

    [Theory]
    [InlineData("allowDataLoss: true", true)]
    [InlineData("allowDataLoss: false", false)]
    public void Aurora_is_promoted_with_AllowDataLoss_only_when_the_config_says_so(string setting, bool expected)
    {
        var c = DataYaml.Load(DataYaml.Shipped("prod").ReplaceOnce("allowDataLoss: true", setting));
        Assert.Equal(expected, Failover(c, "us-west-2").Steps.Single(s => s.Name == "PromoteDatabase").Input["AllowDataLoss"]);
    }

    [Fact]
    public void Survivors_node_group_floors_rise_by_the_factor_rounded_up_and_never_above_max()
    {
        var step = Failover(Prod, "us-west-2").Steps.Single(s => s.Name == "RaiseNodeGroupFloors");
        var clusters = ((IEnumerable<object>)step.Input["Clusters"]).Cast<Dictionary<string, object>>().ToList();
        Assert.Equal(["us-east-1", "eu-west-1"], clusters.Select(c => c["Region"]));
        var groups = ((IEnumerable<object>)clusters[0]["Groups"]).Cast<Dictionary<string, object>>().ToList();
        // us-east-1 cpu tier: min 3 desired 6 max 30, 50% spot -> on-demand 2/3/15: x1.5 -> 3/5.
        var cpu = groups.Single(g => (string)g["Tier"] == "cpu" && (string)g["Capacity"] == "on-demand");
        Assert.Equal((3, 5), ((int)cpu["Min"], (int)cpu["Desired"]));
        Assert.Equal(1, RunbookPlanner.Scaled(1, 1.5, 1));
        Assert.Equal(2, RunbookPlanner.Scaled(1, 1.5, 5));
    }

    [Fact]
    public void Automatic_mode_has_no_approval_step_and_approval_mode_waits_for_the_configured_approvers()
    {
        var automatic = DataYaml.Load(DataYaml.Shipped("prod").ReplaceOnce("trigger: approval", "trigger: automatic"));
        Assert.DoesNotContain(Failover(automatic, "us-west-2").Steps, s => s.Action == RunbookAction.Approve);
        var approve = Failover(Prod, "us-west-2").Steps[0];
        Assert.Equal(RunbookAction.Approve, approve.Action);
        Assert.Equal(["arn:aws:iam::111111111111:role/incident-commander"], (IEnumerable<string>)approve.Input["Approvers"]);
    }

    [Fact]
    public void A_runbook_role_may_touch_only_the_survivors_and_the_target_candidates()
    {
        var r = Failover(Prod, "us-west-2");
        var resources = r.Permissions.SelectMany(p => p.Resources).ToList();
        Assert.DoesNotContain(resources, a => a.Contains("us-west-2"));
        Assert.Contains("arn:aws:rds:us-east-1:111111111111:cluster:mlops-prod-db-us-east-1", resources);
        Assert.Contains("arn:aws:rds::111111111111:global-cluster:mlops-prod-global-db", resources);
        Assert.Contains("arn:aws:eks:eu-west-1:111111111111:nodegroup/mlops-prod-eu-west-1/*/*", resources);
        // The one unscoped statement is the read-only list of Global Datastores (their id prefix is AWS's).
        var unscoped = Assert.Single(r.Permissions, p => p.Resources.Contains("*"));
        Assert.Equal(["elasticache:DescribeGlobalReplicationGroups"], unscoped.Actions);
        Assert.All(r.Permissions.SelectMany(p => p.Actions), a => Assert.DoesNotContain("*", a));
    }

    [Fact]
    public void Without_a_platform_region_in_us_east_1_the_alarm_region_hosts_every_runbook()
    {
        var videochat = DataYaml.Load(DataYaml.Shipped("videochat"));
        Assert.All(RunbookPlanner.Plan(videochat), r => Assert.Contains("us-east-1", r.HostRegions));
    }

    [Fact]
    public void Hpa_floors_are_a_manual_step_with_the_raised_minimum()
    {
        var floors = RunbookPlanner.HpaFloors(Prod, "us-west-2");
        var east = floors.Single(f => f.Region == "us-east-1");
        Assert.Equal((2, 3), (east.ConfiguredMin, east.RaisedMin));
        Assert.Contains("patch hpa inference", east.Command(Prod));
    }
}
