namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// The <c>cost</c> section: the anomaly threshold, the usage the monthly estimate assumes, and the seed's own
/// figures to compare it with. The budget itself is a promise: <c>objectives.monthlyBudgetUsd</c>. Who hears about
/// spending is <c>alerting</c>'s business (<c>alarms.budget</c>, <c>alarms.costAnomalies</c>); the retired
/// <c>cost.alertEmails</c> is refused at load (see <c>RetiredSettings</c>).
/// </summary>
/// <param name="AnomalyThresholdUsd">An anomaly is sent to the severity of <c>alerting.alarms.costAnomalies</c> when its total impact reaches this many dollars.</param>
/// <param name="Assumptions">Usage the estimate cannot read from the settings (traffic, storage, requests); shown as assumptions.</param>
/// <param name="Reference">The seed's cost figures, shown beside the estimate in plan.md.</param>
public sealed record CostConfig(
    decimal AnomalyThresholdUsd = 100,
    CostAssumptions? Assumptions = null,
    CostReference? Reference = null)
{
    public CostAssumptions EffectiveAssumptions => Assumptions ?? new CostAssumptions();
}

/// <summary>
/// Monthly usage the estimate assumes. For traffic, storage and requests zero (the default) means "none stated": those
/// lines are then $0 and plan.md lists the zero as an assumption, not a measurement.
/// </summary>
/// <param name="CdnGbPerMonth">Data CloudFront serves to viewers.</param>
/// <param name="CdnRequestsMillions">HTTPS requests CloudFront serves.</param>
/// <param name="WafRequestsMillions">Requests the CloudFront web ACL inspects; regional ACLs inspect each region's traffic-weight share.</param>
/// <param name="NatGbPerMonth">Data through the NAT gateways, all regions together, split by traffic weight.</param>
/// <param name="AlbLcuPerRegion">Average load balancer capacity units per region (1 LCU = 25 new connections/s, 3,000 active, 1 GB/h).</param>
/// <param name="DatabaseStorageGb">Aurora cluster volume; each region of the global database stores a copy.</param>
/// <param name="DatabaseIoMillions">Aurora I/O requests a month in the primary; secondaries pay the writes again as replicated write I/O.</param>
/// <param name="DatabaseWriteIoMillions">The part of <paramref name="DatabaseIoMillions"/> that is writes (replicated to every secondary).</param>
/// <param name="BucketGb">Stored data per bucket (key = <c>data.buckets</c> name), priced as S3 Standard in the primary: lifecycle transitions are not modelled, so this is an upper bound.</param>
/// <param name="BucketChangePercent">Share of each bucket written per month: what replication carries to each replica.</param>
/// <param name="AcceleratorGbPerMonth">Data through Global Accelerator (DT-Premium).</param>
/// <param name="LogsGbPerRegion">CloudWatch Logs ingested per region a month (EKS control plane, VPC flow logs).</param>
/// <param name="BackupGb">AWS Backup recovery points kept in the primary, and copied to the backup region.</param>
/// <param name="NodeDiskGb">Root volume per node (gp3); 20 GiB is the EKS managed node group default for Linux (CreateNodegroup diskSize, https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html).</param>
/// <param name="ActiveUsers">Active users a month, for the cost per user (the video chat seed: "under $4 per active user").</param>
public sealed record CostAssumptions(
    decimal CdnGbPerMonth = 0,
    decimal CdnRequestsMillions = 0,
    decimal WafRequestsMillions = 0,
    decimal NatGbPerMonth = 0,
    decimal AlbLcuPerRegion = 1,
    decimal DatabaseStorageGb = 0,
    decimal DatabaseIoMillions = 0,
    decimal DatabaseWriteIoMillions = 0,
    IReadOnlyDictionary<string, decimal>? BucketGb = null,
    decimal BucketChangePercent = 0,
    decimal AcceleratorGbPerMonth = 0,
    decimal LogsGbPerRegion = 0,
    decimal BackupGb = 0,
    int NodeDiskGb = 20,
    int? ActiveUsers = null)
{
    public IReadOnlyDictionary<string, decimal> EffectiveBucketGb => BucketGb ?? new Dictionary<string, decimal>();
}

/// <summary>The seed's cost figures (a range per region and in total) and where they come from.</summary>
/// <param name="Source">The seed and section quoted, e.g. <c>seed 000 "Cost Breakdown by Region"</c>.</param>
/// <param name="Total">The seed's total per month.</param>
/// <param name="Regions">The seed's figure per region name.</param>
/// <param name="Global">The seed's figure for global services (CloudFront, Route53, WAF, ...).</param>
/// <param name="Services">The seed's figure per service, by the estimate's service names (<c>CloudFront</c>, <c>WAF</c>, ...).</param>
public sealed record CostReference(
    string Source,
    UsdRange Total,
    IReadOnlyDictionary<string, UsdRange>? Regions = null,
    UsdRange? Global = null,
    IReadOnlyDictionary<string, UsdRange>? Services = null);

/// <summary>A range of US dollars a month; <c>low = high</c> for a single figure, <c>low: 0</c> for "under high".</summary>
public sealed record UsdRange(decimal Low, decimal High)
{
    public override string ToString() =>
        Low == High ? Usd.Format(High) : Low == 0 ? $"under {Usd.Format(High)}" : $"{Usd.Format(Low)} - {Usd.Format(High)}";
}

/// <summary>How dollars are written in messages and plans.</summary>
public static class Usd
{
    public static string Format(decimal amount) =>
        "$" + amount.ToString(amount == Math.Round(amount) ? "#,0" : "#,0.00", System.Globalization.CultureInfo.InvariantCulture);
}
