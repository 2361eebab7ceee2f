using Amazon.CDK.AWS.IAM;
using Constructs;
using GrafanaWorkspace = Amazon.CDK.AWS.Grafana.CfnWorkspace;
using GrafanaWorkspaceProps = Amazon.CDK.AWS.Grafana.CfnWorkspaceProps;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Observability;

/// <summary>Inputs of the Grafana workspace.</summary>
/// <param name="Name">Workspace name (app-environment-grafana).</param>
/// <param name="MetricsWorkspaceArn">The AMP workspace it reads.</param>
public sealed record ManagedGrafanaProps(string Name, string MetricsWorkspaceArn);

/// <summary>
/// An Amazon Managed Grafana workspace (the video chat seed's Grafana dashboards) beside the AMP workspace, signing users
/// in through IAM Identity Center. Permissions are customer managed: the service-managed role and data sources are only
/// provisioned for workspaces created in the console (https://docs.aws.amazon.com/grafana/latest/APIReference/API_WorkspaceDescription.html,
/// dataSources), so its role is built here and may only query the one AMP workspace.
/// </summary>
public sealed class ManagedGrafana : Construct
{
    public GrafanaWorkspace Workspace { get; }
    public Role Role { get; }

    public ManagedGrafana(Construct scope, string id, ManagedGrafanaProps props) : base(scope, id)
    {
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("grafana.amazonaws.com"),
            Description = "Amazon Managed Grafana: read the platform's AMP workspace",
        });
        // The query calls of the AMP data source (grafana.com docs, Amazon Managed Service for Prometheus data source).
        Role.AddToPolicy(IamStatement.Allow(
            ["aps:QueryMetrics", "aps:GetLabels", "aps:GetSeries", "aps:GetMetricMetadata"],
            [props.MetricsWorkspaceArn]));
        // Listing workspaces takes no resource-level permission; the data source's picker uses it.
        Role.AddToPolicy(IamStatement.Allow(["aps:ListWorkspaces", "aps:DescribeWorkspace"], ["*"]));
        Workspace = new GrafanaWorkspace(this, "Workspace", new GrafanaWorkspaceProps
        {
            Name = props.Name,
            AccountAccessType = "CURRENT_ACCOUNT",
            AuthenticationProviders = ["AWS_SSO"],
            PermissionType = "CUSTOMER_MANAGED",
            RoleArn = Role.RoleArn,
            DataSources = ["PROMETHEUS"],
            Description = "Dashboards over the platform's global metrics store",
        });
    }
}
