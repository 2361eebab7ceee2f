using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Model.Tests.Data;

namespace MultiRegion.Infra.Model.Tests.Security;

public sealed class SecurityRulesTests
{
    private static readonly string Prod = DataYaml.Shipped("prod");

    /// <summary>Prod with every REPLACE value filled in as an operator would.</summary>
    private static string RealProd() => Prod
        .ReplaceOnce("account: \"111111111111\"", "account: \"409812345678\"")
        .ReplaceOnce("zoneName: mlops.example.com", "zoneName: mlops.acme.io")
        .ReplaceOnce("hostedZoneId: Z00000000000000000000", "hostedZoneId: Z08123456ABCDEFGHIJ")
        .ReplaceOnce("publicAccessCidrs: [203.0.113.0/24]", "publicAccessCidrs: [81.2.69.0/24]")
        .ReplaceOnce("email: [security-oncall@mlops.example.com]", "email: [security-oncall@acme.io]")
        .ReplaceOnce("email: [platform-cost@mlops.example.com]", "email: [platform-cost@acme.io]")
        .ReplaceOnce("email: [platform-oncall@mlops.example.com]", "email: [platform-oncall@acme.io]")
        .ReplaceOnce("workspaceId: T00000000", "workspaceId: T04ACME42");

    /// <summary>Warnings that are not about placeholders: prod's approval trigger cannot cover us-east-1 itself.</summary>
    private static bool AboutPlaceholders(string path) => path != "recovery.trigger";

    private static IReadOnlyList<string> WarningPaths(string yaml) =>
        ConfigLoader.Parse(yaml, "test.yaml").Warnings.Select(w => w.Path).Where(AboutPlaceholders).ToList();

    [Fact]
    public void Every_placeholder_of_the_shipped_prod_config_is_a_warning_at_its_path()
    {
        var warnings = ConfigLoader.Parse(Prod, "test.yaml").Warnings.Where(w => AboutPlaceholders(w.Path)).ToList();
        Assert.Equal(
            new[] { "account", "alerting.email[0]", "alerting.severities.p0.email[0]", "alerting.severities.p3.email[0]", "alerting.slack.workspaceId", "compute.endpoint.publicAccessCidrs[0]", "dns.hostedZoneId", "dns.zoneName" },
            warnings.Select(w => w.Path).Order(StringComparer.Ordinal));
        Assert.All(warnings, w => Assert.NotNull(w.Line));
    }

    [Fact]
    public void The_documentation_range_in_the_endpoint_allow_list_says_it_locks_operators_out()
    {
        var warning = ConfigLoader.Parse(Prod, "test.yaml").Warnings.Single(w => w.Path == "compute.endpoint.publicAccessCidrs[0]");
        Assert.Contains("RFC 5737", warning.Message);
        Assert.Contains("locked out", warning.Message);
    }

    [Theory]
    [InlineData("192.0.2.0/24")]
    [InlineData("198.51.100.128/25")]
    [InlineData("203.0.113.7/32")]
    public void Every_rfc_5737_block_in_the_allow_list_is_flagged(string cidr)
    {
        var yaml = RealProd().ReplaceOnce("publicAccessCidrs: [81.2.69.0/24]", $"publicAccessCidrs: [81.2.69.0/24, {cidr}]");
        Assert.Equal(["compute.endpoint.publicAccessCidrs[1]"], WarningPaths(yaml));
    }

    [Fact]
    public void A_config_with_real_values_has_no_placeholder_warning_and_loads_for_a_deploy()
    {
        Assert.Empty(WarningPaths(RealProd()));
        Assert.Equal("409812345678", ConfigLoader.Parse(RealProd(), "test.yaml", forDeploy: true).Account);
    }

    [Fact]
    public void Loading_for_a_deploy_refuses_each_placeholder_with_its_path()
    {
        var problems = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(Prod, "test.yaml", forDeploy: true)).Problems;
        // account, zone name and id, the endpoint CIDR, the Slack workspace, and three mailboxes (alerting.email, p0's, p3's).
        Assert.Equal(8, problems.Count);
        Assert.Contains(problems, p => p.Path == "account" && p.Message.StartsWith("refused for a deploy", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "compute.endpoint.publicAccessCidrs[0]");
    }

    [Fact]
    public void A_single_placeholder_left_in_fails_the_deploy_alone()
    {
        var yaml = RealProd().ReplaceOnce("hostedZoneId: Z08123456ABCDEFGHIJ", "hostedZoneId: Z0000000000000");
        var problem = Assert.Single(Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml", forDeploy: true)).Problems);
        Assert.Equal("dns.hostedZoneId", problem.Path);
    }

    [Fact]
    public void GuardDuty_without_a_security_findings_route_warns_that_nobody_gets_the_findings()
    {
        var yaml = RealProd().ReplaceOnce("    securityFindings: { severity: p0 }\n", "");
        Assert.Equal(["security.guardDuty"], WarningPaths(yaml));
    }

    [Fact]
    public void The_retired_p0_email_is_refused_with_where_the_address_goes_now()
    {
        var yaml = RealProd().ReplaceOnce("  guardDuty: true ", "  p0Email: security-oncall@acme.io\n  guardDuty: true ");
        var problem = Assert.Single(DataYaml.Problems(yaml));
        Assert.Equal("security.p0Email", problem.Path);
        Assert.Contains("retired", problem.Message);
        Assert.Contains("alerting.alarms.securityFindings", problem.Message);
        Assert.Contains("alerting.severities.<severity>.email", problem.Message);
    }

    [Fact]
    public void A_malformed_severity_email_is_refused()
    {
        var problem = Assert.Single(DataYaml.Problems(RealProd().ReplaceOnce("email: [security-oncall@acme.io]", "email: [oncall]")));
        Assert.Equal("alerting.severities.p0.email[0]", problem.Path);
    }

    [Fact]
    public void A_zero_day_audit_retention_is_refused()
    {
        var problem = Assert.Single(DataYaml.Problems(RealProd().ReplaceOnce("auditLogRetentionDays: 365", "auditLogRetentionDays: 0")));
        Assert.Equal("security.auditLogRetentionDays", problem.Path);
    }

    [Fact]
    public void Data_events_cover_every_data_tier_bucket_and_replica()
    {
        var buckets = AuditNames.DataEventBuckets(ConfigLoader.Parse(Prod, "test.yaml"));
        Assert.Equal(
            [
                "mlops-prod-artifacts-us-east-1-111111111111", "mlops-prod-artifacts-us-west-2-111111111111",
                "mlops-prod-data-eu-west-1-111111111111", "mlops-prod-data-us-east-1-111111111111", "mlops-prod-data-us-west-2-111111111111",
                "mlops-prod-models-eu-west-1-111111111111", "mlops-prod-models-us-east-1-111111111111", "mlops-prod-models-us-west-2-111111111111",
            ],
            buckets.Order(StringComparer.Ordinal).ToList());
    }
}
