using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning.Objectives;
using MultiRegion.Infra.Model.Tests.Loading;

namespace MultiRegion.Infra.Model.Tests.Objectives;

/// <summary>The shipped configs keep their promises; breaking one is refused with the arithmetic.</summary>
public sealed class ShippedObjectivesTests
{
    private static string Text(string name) => File.ReadAllText(Path.Combine(ShippedConfigTests.StacksDir, name + ".yaml"));

    private static StackConfig Load(string name) => ConfigLoader.Parse(Text(name), $"{name}.yaml");

    private static ConfigProblem Refused(string yaml, string path)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml"));
        return Assert.Single(e.Problems, p => p.Path == path);
    }

    private static string Replace(string text, string find, string replace)
    {
        Assert.Contains(find, text);
        return text.Replace(find, replace);
    }

    [Theory]
    [InlineData("prod", 17)]       // 8 objectives + monthlyBudgetUsd + 8 recovery.scenarios promises
    [InlineData("videochat", 11)]  // 4 objectives + monthlyBudgetUsd, 3 region budgets, per user + recovery.scenarios.oneRegion RTO and RPO
    public void Every_shipped_objective_is_ok(string name, int count)
    {
        var c = Load(name);
        Assert.Equal(count, c.ObjectiveResults.Count);
        Assert.All(c.ObjectiveResults, r => Assert.True(r.Ok, $"{r.Name}: {r.Refusal}"));
    }

    [Fact]
    public void Prod_rto_budget_is_detection_ttl_the_approver_and_the_failover_runbook()
    {
        var rto = Load("prod").ObjectiveResults.Single(r => r.Name == "objectives.regionFailover.rtoSeconds");
        // detection 30 s x 3, alias TTL, event delivery, approver (seed P0: 5 min), runbook: Aurora 120 + two caches 60 + 60 + parameters 5.
        Assert.Equal([90, 60, 10, 300, 245], rto.Terms.Select(t => t.Seconds));
        Assert.Contains("approver responds (approval) 5 min (300 s)", rto.Arithmetic);
        Assert.Contains("failover runbook (promote the Aurora cluster", rto.Arithmetic);
    }

    [Fact]
    public void Prod_failover_rpo_is_bounded_by_the_aurora_rpo_cap()
    {
        var rpo = Load("prod").ObjectiveResults.Single(r => r.Name == "objectives.regionFailover.rpoSeconds");
        Assert.Equal("20 s", rpo.Achievable);
        Assert.False(rpo.Estimate); // a cap is a bound, not a typical value
    }

    [Fact]
    public void Videochat_leaves_the_interval_to_the_program_which_picks_10_s_for_its_rto()
    {
        var c = Load("videochat");
        Assert.Equal(10, c.Edge!.HealthCheck.Interval);
        var choice = Assert.Single(c.Choices, ch => ch.Setting == "edge.healthCheck.intervalSeconds");
        Assert.Equal("10 s", choice.Value);
        Assert.Contains("30 s would miss", choice.Reason);
        Assert.Contains("= 225 s", choice.Reason); // 30 s x 3 + TTL 60 + event 10 + runbook 65
    }

    [Fact]
    public void Videochat_with_an_rto_below_its_budget_is_refused_with_the_arithmetic()
    {
        var yaml = Replace(Text("videochat"), "rtoSeconds: 165", "rtoSeconds: 30");
        var p = Refused(yaml, "objectives.regionFailover.rtoSeconds");
        Assert.StartsWith("promised 30 s, but health check 10 s x 3 checks 30 s + DNS TTL (alias to load balancer) 60 s + alarm starts the runbook (automatic) 10 s + slowest dependent step: failover runbook", p.Message);
        Assert.Contains("= 165 s", p.Message);
        Assert.Contains("promise at least", p.Message);
        Assert.NotNull(p.Line);
    }

    [Fact]
    public void A_longer_rto_lets_the_program_choose_the_standard_interval()
    {
        var c = ConfigLoader.Parse(Replace(Text("videochat"), "rtoSeconds: 165", "rtoSeconds: 300"), "test.yaml");
        Assert.Equal(30, c.Edge!.HealthCheck.Interval);
    }

    [Fact]
    public void An_explicit_interval_too_slow_for_the_rto_is_refused_with_the_fix()
    {
        var yaml = Replace(Replace(Text("prod"), "rtoSeconds: 900               #", "rtoSeconds: 400               #"), "trigger: approval", "trigger: automatic");
        var p = Refused(yaml, "objectives.regionFailover.rtoSeconds");
        Assert.Contains("= 405 s", p.Message);
        Assert.Contains("set edge.healthCheck.intervalSeconds to 10", p.Message);
    }

    [Fact]
    public void Tier_one_data_in_s3_cannot_promise_under_a_minute()
    {
        var yaml = Replace(Text("prod"), "store: bucket:models\n      rpoSeconds: 900", "store: bucket:models\n      rpoSeconds: 60");
        var p = Refused(yaml, "objectives.stores[1].rpoSeconds");
        Assert.Contains("promised 60 s, but S3 replication with RTC 15 min (900 s)", p.Message);
    }

    [Fact]
    public void A_bucket_without_an_rpo_gets_replication_time_control_when_an_objective_needs_it()
    {
        var yaml = Replace(Text("prod"), "    artifacts:\n      rpoMinutes: 15\n", "    artifacts:\n");
        var c = ConfigLoader.Parse(yaml, "test.yaml");
        Assert.True(c.Data!.EffectiveBuckets["artifacts"].ReplicationTimeControl);
        Assert.Contains(c.Choices, ch => ch.Setting == "data.buckets.artifacts.rpoMinutes" && ch.Reason.Contains("no time bound"));
    }

    [Fact]
    public void An_unknown_store_is_rejected_with_the_known_ones()
    {
        var p = Refused(Replace(Text("prod"), "store: bucket:models", "store: bucket:modles"), "objectives.stores[1].store");
        Assert.Contains("did you mean 'bucket:models'", p.Message);
    }

    [Fact]
    public void Every_region_needs_an_availability_for_the_estimate()
    {
        var p = Refused(Replace(Text("prod"), "    eu-west-1: 99.9\n", ""), "objectives.regionAvailabilityPercent");
        Assert.Contains("'eu-west-1'", p.Message);
    }

    [Fact]
    public void An_availability_the_regions_cannot_give_is_refused()
    {
        var p = Refused(Replace(Text("prod"), "availabilityPercent: 99.95", "availabilityPercent: 99.99999"), "objectives.availabilityPercent");
        Assert.Contains("estimated", p.Message);
        Assert.Contains("assumptions", p.Message);
    }

    [Fact]
    public void Objectives_without_an_edge_are_rejected()
    {
        var yaml = ValidYaml.Text + """

            objectives:
              availabilityPercent: 99.9
              regionFailover: { rtoSeconds: 600, rpoSeconds: 60 }
              regionAvailabilityPercent: { us-west-2: 99.9, us-east-1: 99.9 }
            """;
        var p = Refused(yaml, "objectives.regionFailover");
        Assert.Contains("needs the edge section", p.Message);
    }

    [Theory]
    [InlineData("cron(0 5 * * ? *)", 86400)]
    [InlineData("cron(0 */4 * * ? *)", 14400)]
    [InlineData("cron(0 3 ? * SUN *)", 604800)]
    [InlineData("rate(12 hours)", 43200)]
    public void Backup_schedules_become_intervals(string expression, double seconds) =>
        Assert.Equal(seconds, BackupSchedule.IntervalSeconds(expression));

    [Fact]
    public void Accelerator_failover_comes_from_the_target_groups_health_check_plus_the_accelerators_reaction()
    {
        var c = Load("videochat");
        var step = AcceleratorFailover.Step(c);
        // signalling's target group: every 5 s, unhealthy after ALB's default 2 failures; then up to 30 s for GA.
        Assert.Equal(5 * 2 + 30, step.Fact.Seconds);
        Assert.True(step.Fact.Estimate);
        Assert.Contains("target health 5 s x 2", step.Fact.Source);
        Assert.Contains(ObjectiveInputsBuilder.From(c).FailoverSteps, s => s.Name == step.Name && s.Fact.Seconds == 40);

        // A slower target group check makes the accelerator the slowest step, and the RTO promise breaks.
        var slow = Replace(Text("videochat"), "healthCheckIntervalSeconds: 5\n        healthCheckTimeoutSeconds: 4", "healthCheckIntervalSeconds: 60\n        healthCheckTimeoutSeconds: 4");
        var p = Refused(slow, "objectives.regionFailover.rtoSeconds");
        Assert.Contains("slowest dependent step: Global Accelerator endpoint failover 150 s", p.Message);
    }
}

public sealed class ObjectivesPlanTests
{
    [Fact]
    public void Plan_json_has_each_objective_with_promise_achievable_ok_and_terms()
    {
        var c = ConfigLoader.Parse(File.ReadAllText(Path.Combine(ShippedConfigTests.StacksDir, "videochat.yaml")), "videochat.yaml");
        var plan = new Model.Planning.PlanDocument("videochat", "prod", "videochat.yaml", Model.Planning.PlanDocument.RegionsOf(c), [])
        {
            Objectives = ObjectivesSection.Of(c),
        };
        using var doc = System.Text.Json.JsonDocument.Parse(plan.ToJson());
        var rto = doc.RootElement.GetProperty("objectives").GetProperty("objectives")[0];
        Assert.Equal("objectives.regionFailover.rtoSeconds", rto.GetProperty("name").GetString());
        Assert.Equal("165 s", rto.GetProperty("promised").GetString());
        Assert.Equal("165 s", rto.GetProperty("achievable").GetString());
        Assert.True(rto.GetProperty("ok").GetBoolean());
        Assert.Equal(4, rto.GetProperty("terms").GetArrayLength()); // detection, TTL, the automatic trigger, the slowest step
        Assert.Equal(30, rto.GetProperty("terms")[0].GetProperty("seconds").GetDouble());
        var choice = doc.RootElement.GetProperty("objectives").GetProperty("choices")[0];
        Assert.Equal("edge.healthCheck.intervalSeconds", choice.GetProperty("setting").GetString());
    }

    [Fact]
    public void Plan_markdown_shows_the_budgets_and_the_choices()
    {
        var c = ConfigLoader.Parse(File.ReadAllText(Path.Combine(ShippedConfigTests.StacksDir, "videochat.yaml")), "videochat.yaml");
        var md = new System.Text.StringBuilder();
        ObjectivesSection.Render(c, md);
        Assert.Contains("| `objectives.regionFailover.rtoSeconds` | 165 s | 165 s (estimate) | yes | health check 10 s x 3 checks 30 s", md.ToString());
        Assert.Contains("- `edge.healthCheck.intervalSeconds` = 10 s:", md.ToString());
    }
}
