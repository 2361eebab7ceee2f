using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Model.Planning.FirstDeploy;
using MultiRegion.Infra.Model.Tests.Edge;

namespace MultiRegion.Infra.Model.Tests.Planning;

public sealed class FirstDeployChecklistTests
{
    [Theory]
    [InlineData("prod", "eu-west-1,us-east-1,us-east-2,us-west-2")]
    [InlineData("videochat", "ap-southeast-1,eu-west-1,us-east-1,us-west-2")]
    [InlineData("dev", "us-east-1,us-east-2,us-west-2")]
    public void Bootstrap_covers_every_region_a_stack_deploys_to(string name, string regions)
    {
        var config = ShippedConfigs.Load(name);
        var checklist = FirstDeployChecklist.For(config);
        Assert.Equal(regions.Split(','), checklist.Bootstrap.Select(t => t.Region));
        // Generated from the layout: every stack's region is there, none twice.
        Assert.Equal(StackLayout.For(config).Select(s => s.Region).Distinct().Order(), checklist.Bootstrap.Select(t => t.Region));
        foreach (var t in checklist.Bootstrap)
            Assert.Contains($"aws://{config.Account}/{t.Region}", checklist.BootstrapCommand);
    }

    [Theory]
    [InlineData("c5.large", 2)]
    [InlineData("c5.xlarge", 4)]
    [InlineData("m5.8xlarge", 32)]
    [InlineData("p3.2xlarge", 8)]
    [InlineData("p3.16xlarge", 64)]
    [InlineData("c5.metal", null)]
    [InlineData("t3.micro", null)]
    public void Vcpus_follow_the_instance_size(string type, int? vcpus) => Assert.Equal(vcpus, Ec2QuotaBuckets.VcpusOf(type));

    [Theory]
    [InlineData("c5.2xlarge", Ec2QuotaBucket.Standard)]
    [InlineData("r6g.large", Ec2QuotaBucket.Standard)]
    [InlineData("p3.2xlarge", Ec2QuotaBucket.P)]
    [InlineData("g5.xlarge", Ec2QuotaBucket.GAndVt)]
    [InlineData("vt1.3xlarge", Ec2QuotaBucket.GAndVt)]
    [InlineData("inf2.xlarge", Ec2QuotaBucket.Other)]
    [InlineData("x2iedn.xlarge", Ec2QuotaBucket.Other)]
    public void Families_fall_into_their_quota_bucket(string type, Ec2QuotaBucket bucket) => Assert.Equal(bucket, Ec2QuotaBuckets.BucketOf(type));

    [Fact]
    public void Prod_primary_vcpus_add_up_from_the_split_groups_largest_types()
    {
        var config = ShippedConfigs.Load("prod");
        var needs = FirstDeployChecklist.For(config).Vcpus.Where(n => n.Region == "us-west-2").ToList();
        // Compute the expected sums independently from the capacity plan: largest type's vCPUs x group bounds.
        foreach (var need in needs)
        {
            var groups = CapacityPlan.For(config, config.Region("us-west-2")).SelectMany(t => t.Groups)
                .Where(g => g.Capacity == need.Capacity && Ec2QuotaBuckets.BucketOf(g.InstanceTypes[0]) == need.Bucket).ToList();
            Assert.NotEmpty(groups);
            Assert.Equal(groups.Sum(g => g.Bounds.Desired * g.InstanceTypes.Max(t => Ec2QuotaBuckets.VcpusOf(t)!.Value)), need.DesiredVcpus);
            Assert.Equal(groups.Sum(g => g.Bounds.Max * g.InstanceTypes.Max(t => Ec2QuotaBuckets.VcpusOf(t)!.Value)), need.MaxVcpus);
        }
        // The seed's GPU tier needs P quota that a new account does not have (0 vCPUs).
        var p = Assert.Single(needs, n => n.Bucket == Ec2QuotaBucket.P && n.Capacity == CapacityKind.OnDemand);
        Assert.Equal(0, p.NewAccountDefault);
        Assert.True(p.OverAtDesired);
        Assert.Equal(4, needs.Count);
    }

    [Fact]
    public void Template_counts_become_quota_rows_and_health_checks_are_left_to_the_limits_section()
    {
        var stacks = new[]
        {
            new PlanStack("a-global", "us-east-1", 250, new Dictionary<string, int> { ["AWS::Route53::HealthCheck"] = 201 }),
            new PlanStack("a-us-west-2", "us-west-2", 10, new Dictionary<string, int> { ["AWS::EC2::EIP"] = 3, ["AWS::EC2::VPC"] = 1 }),
        };
        var quotas = FirstDeployChecklist.For(ShippedConfigs.Load("dev")).WithTemplates(stacks).OtherQuotas;
        // Reported once, by LimitsPlanner ("AWS limits"), not again in the first-deploy checklist.
        Assert.DoesNotContain(quotas, q => q.Quota.Contains("Route53", StringComparison.Ordinal));
        Assert.False(Assert.Single(quotas, q => q.Scope == "us-west-2" && q.Quota.StartsWith("Elastic IP", StringComparison.Ordinal)).Over);
    }
}
