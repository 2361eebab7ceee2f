using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Model.Planning.Objectives;
using MultiRegion.Infra.Model.Planning.Recovery;
using MultiRegion.Infra.Model.Tests.Data;

namespace MultiRegion.Infra.Model.Tests.Recovery;

/// <summary>The RTO counts what the trigger mode costs; RPO promises the backups cannot keep are refused.</summary>
public sealed class RecoveryObjectivesTests
{
    private static readonly string Prod = DataYaml.Shipped("prod");

    private static ObjectiveResult Rto(StackConfig c) => c.ObjectiveResults.Single(r => r.Name == "objectives.regionFailover.rtoSeconds");

    [Theory]
    // detection 90 + alias TTL 60 + trigger terms + runbook (Aurora 120 + caches 60 + 60 + parameters 5 = 245)
    [InlineData("automatic", new double[] { 90, 60, 10, 245 })]
    [InlineData("approval", new double[] { 90, 60, 10, 300, 245 })]
    [InlineData("manual", new double[] { 90, 60, 300, 245 })]
    public void The_rto_counts_the_trigger_modes_terms(string mode, double[] terms)
    {
        var c = DataYaml.Load(Prod.ReplaceOnce("trigger: approval", $"trigger: {mode}"));
        Assert.Equal(terms, Rto(c).Terms.Select(t => t.Seconds));
    }

    [Fact]
    public void Plan_json_carries_the_trigger_terms_in_the_rto_arithmetic_and_the_recovery_section()
    {
        var c = DataYaml.Load(Prod);
        var json = new PlanDocument(c.App, c.Environment, "prod.yaml", PlanDocument.RegionsOf(c), [])
        {
            Objectives = ObjectivesSection.Of(c),
            Recovery = RecoverySection.Of(c),
        }.ToJson();
        Assert.Contains("approver responds (approval) 5 min (300 s)", json);
        Assert.Contains("\"trigger\": \"approval\"", json);
        Assert.Contains("mlops-prod-failover-us-west-2", json);
    }

    [Fact]
    public void In_manual_mode_an_operator_starts_the_runbook_with_the_documented_command()
    {
        var c = DataYaml.Load(Prod.ReplaceOnce("trigger: approval", "trigger: manual"));
        var one = DrPlanner.Scenarios(c).Single(s => s.Key == RecoveryConfig.OneRegion);
        Assert.Equal("an operator (documented command)", one.StartedBy);
        var plan = RecoverySection.Of(c)!;
        Assert.Equal("manual", plan.Trigger);
        Assert.Equal("aws ssm start-automation-execution --region us-east-1 --document-name mlops-prod-failover-us-west-2 --parameters TargetRegion=us-east-1",
            plan.Runbooks.Single(r => r.Document == "mlops-prod-failover-us-west-2").Command);
    }

    [Fact]
    public void A_global_outage_rpo_under_the_backup_interval_is_refused_with_the_arithmetic()
    {
        var problems = DataYaml.Problems(Prod.ReplaceOnce("allRegions: { rtoSeconds: 7200, rpoSeconds: 3600 }", "allRegions: { rtoSeconds: 7200, rpoSeconds: 900 }"));
        var p = Assert.Single(problems);
        Assert.Equal("recovery.scenarios.allRegions.rpoSeconds", p.Path);
        Assert.Contains("promised 15 min (900 s), but database: time between backups copied to us-east-2 60 min (3600 s)", p.Message);
        Assert.Contains("AWS Backup runs at most hourly", p.Message);
    }

    [Fact]
    public void A_schedule_more_frequent_than_hourly_is_refused()
    {
        var p = Assert.Single(DataYaml.Problems(Prod.ReplaceOnce("schedule: cron(0 * ? * * *)", "schedule: cron(0/15 * ? * * *)")));
        Assert.Equal("data.backup.schedule", p.Path);
        Assert.Contains("at most hourly", p.Message);
    }

    [Fact]
    public void Approval_without_approvers_is_refused()
    {
        var p = Assert.Single(DataYaml.Problems(Prod.ReplaceOnce("  approvers: [arn:aws:iam::111111111111:role/incident-commander]\n", "")));
        Assert.Equal("recovery.approvers", p.Path);
    }

    [Fact]
    public void An_approver_that_is_not_an_iam_arn_is_refused()
    {
        var p = Assert.Single(DataYaml.Problems(Prod.ReplaceOnce("role/incident-commander]", "role/incident-commander, bob]")));
        Assert.Equal("recovery.approvers[1]", p.Path);
    }

    [Fact]
    public void The_matrix_has_the_seeds_four_scenarios_with_the_worst_case_named()
    {
        var scenarios = DrPlanner.Scenarios(DataYaml.Load(Prod));
        Assert.Equal([RecoveryConfig.Az, RecoveryConfig.OneRegion, RecoveryConfig.TwoRegions, RecoveryConfig.AllRegions], scenarios.Select(s => s.Key));
        var two = scenarios.Single(s => s.Key == RecoveryConfig.TwoRegions);
        // artifacts replicate to us-east-1 only: with us-west-2 and us-east-1 down, its newest copy is the hourly backup.
        Assert.Equal(["us-west-2", "us-east-1"], two.WorstCase);
        Assert.Equal(3600, two.Rpo.TotalSeconds);
        Assert.Null(scenarios.Single(s => s.Key == RecoveryConfig.AllRegions).Rto);
    }
}
