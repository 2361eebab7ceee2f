using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Cost;

/// <summary>
/// The monthly estimate of a stack config at list prices: one planner, read by plan.json/plan.md
/// (<see cref="CostSection"/>) and by the budget objective (<see cref="BudgetObjective"/>).
/// <para>
/// Capacity comes from the settings that will be deployed: node groups from <see cref="CapacityPlan"/> with their
/// spot/on-demand split (a spot group is priced at its first instance type's on-demand price less the table's
/// assumed spot discount), Aurora instances and ElastiCache nodes from the sizing tiers, NAT gateways, endpoints,
/// web ACLs and health checks from the network and edge sections. Usage (traffic, storage, requests) comes from
/// <c>cost.assumptions</c> and is marked as such. Only node groups change between min, desired and max.
/// Not priced: data transfer out to the internet beyond CloudFront, Secrets Manager, Lambda-backed custom
/// resources, ECR, AWS Budgets beyond the free two; Reserved Instances and Savings Plans (billing purchases).
/// </para>
/// </summary>
public static class CostPlanner
{
    /// <summary>The service names lines are grouped by (and <c>cost.reference.services</c> may name).</summary>
    public static readonly IReadOnlyList<string> ServiceNames =
    [
        "EC2", "EKS", "EBS", "NAT gateway", "VPC endpoints", "Load balancer", "WAF", "KMS", "CloudWatch",
        "Aurora", "ElastiCache", "S3", "AWS Backup", "Route53", "CloudFront", "Global Accelerator",
    ];

    public static CostEstimate Estimate(StackConfig c) => Estimate(c, PriceTable.Shipped);

    public static CostEstimate Estimate(StackConfig c, PriceTable prices)
    {
        var e = new Builder(c, prices);
        foreach (var r in c.Regions)
        {
            e.Compute(r);
            e.Network(r);
            e.Data(r);
        }
        e.Backup();
        e.Edge();
        return new CostEstimate(e.Lines, e.Assumptions, e.Unpriced.Distinct().ToList(), prices.HoursPerMonth);
    }

    private sealed class Builder(StackConfig c, PriceTable prices)
    {
        public List<CostLine> Lines { get; } = [];
        public List<CostAssumption> Assumptions { get; } = [];
        public List<string> Unpriced { get; } = [];

        private readonly CostAssumptions _a = c.Cost?.EffectiveAssumptions ?? new CostAssumptions();
        private decimal Hours => prices.HoursPerMonth;

        public void Compute(RegionConfig r)
        {
            if (c.Compute is null) return;
            var discount = prices.Find("ec2", "spot-discount", r.Name);
            var nodes = new NodeBounds(0, 0, 0);
            foreach (var tier in CapacityPlan.For(c, r))
                foreach (var g in tier.Groups)
                {
                    nodes += g.Bounds;
                    var type = g.InstanceTypes[0];
                    if (Find("ec2", type, r.Name) is not { } od) continue;
                    var spot = g.Capacity == CapacityKind.Spot;
                    if (spot && discount is null) { Unpriced.Add($"ec2 spot-discount ({r.Name})"); continue; }
                    var unit = spot ? Math.Round(od.Value * (1 - discount!.Value), 4) : od.Value;
                    var perNode = unit * Hours;
                    var what = spot
                        ? $"{g.Tier} spot ({string.Join("/", g.InstanceTypes)}, priced as {type} less {discount!.Value * 100:0}%)"
                        : $"{g.Tier} on-demand {type}";
                    Lines.Add(new CostLine(r.Name, "EC2", what, $"{g.Bounds.Desired} nodes x {Hours} h (min {g.Bounds.Min}, max {g.Bounds.Max})",
                        unit, "instance-hour", Range(g.Bounds, perNode), false,
                        spot ? $"{od.Citation}; spot: {discount!.Citation}" : od.Citation));
                }
            Add(r.Name, "EKS", "cluster", "1 cluster x 730 h", "eks", "cluster", 1 * Hours);
            if (Find("ebs", "gp3", r.Name) is { } gp3)
            {
                var perNode = _a.NodeDiskGb * gp3.Value;
                Lines.Add(new CostLine(r.Name, "EBS", $"node root volumes ({_a.NodeDiskGb} GiB gp3 each)", $"{nodes.Desired} nodes (min {nodes.Min}, max {nodes.Max})",
                    gp3.Value, gp3.Unit, Range(nodes, perNode), false, gp3.Citation));
            }
        }

        public void Network(RegionConfig r)
        {
            var n = c.NetworkSettings;
            var azs = r.AvailabilityZones.Count;
            var nats = n.Nat == NatLayout.PerAz ? azs : 1;
            Add(r.Name, "NAT gateway", $"{nats} gateway(s) ({n.Nat.ToString().ToLowerInvariant()})", $"{nats} x 730 h", "nat", "gateway-hour", nats * Hours);
            var natGb = Share(_a.NatGbPerMonth, r);
            Usage("cost.assumptions.natGbPerMonth", $"{_a.NatGbPerMonth} GB", "NAT data processing, split by traffic weight");
            Add(r.Name, "NAT gateway", "data processed", $"{natGb:0.##} GB ({r.TrafficWeight}% of {_a.NatGbPerMonth} GB)", "nat", "data-processed", natGb, usage: true);
            var endpoints = n.EffectiveInterfaceEndpoints.Count;
            Add(r.Name, "VPC endpoints", $"interface endpoints ({string.Join(", ", n.EffectiveInterfaceEndpoints)})",
                $"{endpoints} x {azs} AZ x 730 h", "vpc", "interface-endpoint-az-hour", endpoints * azs * Hours);
            Add(r.Name, "Load balancer", "ALB", "1 x 730 h", "elb", "alb-hour", Hours);
            Usage("cost.assumptions.albLcuPerRegion", $"{_a.AlbLcuPerRegion} LCU", "load balancer capacity units per region");
            Add(r.Name, "Load balancer", "ALB capacity units", $"{_a.AlbLcuPerRegion} LCU x 730 h", "elb", "alb-lcu-hour", _a.AlbLcuPerRegion * Hours, usage: true);
            if (c.Edge?.Waf is { RegionalAcls: true } waf)
                WebAcl(r.Name, waf, Share(_a.WafRequestsMillions, r), $"{r.TrafficWeight}% of {_a.WafRequestsMillions} M");
            if (c.Compute is not null || c.Data is not null)
                Add(r.Name, "KMS", "customer managed keys", $"{Keys(r)} keys (EKS secrets, data stores, replicas)", "kms", "key", Keys(r));
            Usage("cost.assumptions.logsGbPerRegion", $"{_a.LogsGbPerRegion} GB", "CloudWatch Logs ingestion per region");
            Add(r.Name, "CloudWatch", "logs ingested", $"{_a.LogsGbPerRegion} GB", "cloudwatch", "logs-ingested", _a.LogsGbPerRegion, usage: true);
        }

        /// <summary>EKS secrets key, the region's data key, a replica key where the region receives S3 replicas.</summary>
        private int Keys(RegionConfig r) =>
            (c.Compute is not null ? 1 : 0)
            + (c.Data is not null ? 1 : 0)
            + (c.Data?.ReplicaRegions.Contains(r.Name) == true ? 1 : 0);

        public void Data(RegionConfig r)
        {
            if (c.Data is not { } data) return;
            var tier = c.SizingOf(r);
            var primary = r.Role == RegionRole.Primary;
            if (data.Database is not null && tier.Database is { } db)
            {
                var instances = 1 + db.ReadReplicas;
                Add(r.Name, "Aurora", $"{db.InstanceClass} x {instances} ({(primary ? "writer" : "secondary")} + {db.ReadReplicas} readers)",
                    $"{instances} x 730 h", "aurora", db.InstanceClass, instances * Hours);
                Usage("cost.assumptions.databaseStorageGb", $"{_a.DatabaseStorageGb} GB", "Aurora storage, a copy in every region");
                Add(r.Name, "Aurora", "storage", $"{_a.DatabaseStorageGb} GB", "aurora", "storage", _a.DatabaseStorageGb, usage: true);
                if (primary)
                {
                    Usage("cost.assumptions.databaseIoMillions", $"{_a.DatabaseIoMillions} M", "Aurora I/O in the primary");
                    Add(r.Name, "Aurora", "I/O", $"{_a.DatabaseIoMillions} M requests", "aurora", "io", _a.DatabaseIoMillions, usage: true);
                }
                else
                {
                    Usage("cost.assumptions.databaseWriteIoMillions", $"{_a.DatabaseWriteIoMillions} M", "Aurora Global replicated write I/O in each secondary");
                    Add(r.Name, "Aurora", "replicated write I/O", $"{_a.DatabaseWriteIoMillions} M requests", "aurora", "replicated-write-io", _a.DatabaseWriteIoMillions, usage: true);
                }
            }
            if (tier.Cache is { } cache)
                foreach (var name in data.EffectiveCaches.Keys)
                {
                    var nodes = cache.Shards * (1 + cache.ReplicasPerShard);
                    Add(r.Name, "ElastiCache", $"{name}: {cache.NodeType} x {nodes} ({cache.Shards} shard(s) x {1 + cache.ReplicasPerShard})",
                        $"{nodes} nodes x 730 h", "elasticache", cache.NodeType, nodes * Hours);
                }
            foreach (var (name, bucket) in data.EffectiveBuckets)
            {
                var gb = _a.EffectiveBucketGb.GetValueOrDefault(name);
                if (primary)
                {
                    Usage($"cost.assumptions.bucketGb.{name}", $"{gb} GB", $"bucket {name}, priced as S3 Standard (lifecycle not modelled: an upper bound)");
                    Add(r.Name, "S3", $"{name}: STANDARD", $"{gb} GB", "s3", "STANDARD", gb, usage: true);
                    var changed = gb * _a.BucketChangePercent / 100;
                    var replicas = bucket.EffectiveReplicas.Count;
                    if (replicas > 0)
                    {
                        Usage("cost.assumptions.bucketChangePercent", $"{_a.BucketChangePercent}%", "share of each bucket written (and replicated) a month");
                        Add(r.Name, "S3", $"{name}: replication transfer", $"{changed:0.##} GB x {replicas} replica(s)", "s3", "inter-region-transfer", changed * replicas, usage: true);
                        if (bucket.ReplicationTimeControl)
                            Add(r.Name, "S3", $"{name}: Replication Time Control", $"{changed:0.##} GB x {replicas} replica(s)", "s3", "replication-time-control", changed * replicas, usage: true);
                    }
                }
                foreach (var replica in bucket.EffectiveReplicas.Where(x => x.Region == r.Name))
                    Add(r.Name, "S3", $"{name} replica: {replica.StorageClass}", $"{gb} GB", "s3", replica.StorageClass, gb, usage: true);
            }
        }

        public void Backup()
        {
            if (c.Data?.Backup is not { } backup) return;
            var primary = c.PrimaryRegion.Name;
            Usage("cost.assumptions.backupGb", $"{_a.BackupGb} GB", "AWS Backup recovery points, kept in the primary and copied to the backup region");
            Add(primary, "AWS Backup", "recovery points", $"{_a.BackupGb} GB", "backup", "aurora-snapshot", _a.BackupGb, usage: true);
            Add(primary, "AWS Backup", $"copy to {backup.Region} (transfer)", $"{_a.BackupGb} GB", "backup", "cross-region-copy", _a.BackupGb, usage: true);
            Add(backup.Region, "AWS Backup", "copied recovery points", $"{_a.BackupGb} GB", "backup", "aurora-snapshot", _a.BackupGb, usage: true);
            Add(backup.Region, "KMS", "backup vault key", "1 key", "kms", "key", 1);
        }

        public void Edge()
        {
            if (c.Edge is not { } edge) return;
            const string g = CostEstimate.Global;
            var regions = c.Regions.Count;
            Add(g, "Route53", "region health checks", $"{regions} checks", "route53", "health-check", regions);
            // HTTPS is an optional feature on every region check; a 10 s interval is another.
            var options = 1 + (edge.HealthCheck.IntervalSeconds == 10 ? 1 : 0);
            Add(g, "Route53", $"health check options ({(options == 2 ? "HTTPS, fast interval" : "HTTPS")})", $"{regions} checks x {options}", "route53", "health-check-option", regions * options);
            var scenarios = FailoverPlanner.Plan(c).Failures.Count;
            Add(g, "Route53", "calculated scenario checks (estimate: up to 2 per failure scenario)", $"{2 * scenarios} checks", "route53", "health-check", 2 * scenarios);
            // Queries to alias records that point at an ELB or at another record of the zone are free (Route53 pricing);
            // every routed name here is such an alias.
            Add(g, "Route53", "queries (alias records: not charged)", "all queries", "route53", "alias-query", 0);
            Add(g, "CloudWatch", "health-check alarms", $"{regions} alarms", "cloudwatch", "alarm", regions);
            if (edge.Cdn is not null)
            {
                Usage("cost.assumptions.cdnGbPerMonth", $"{_a.CdnGbPerMonth} GB", "CloudFront data out (priced at the North America/Europe rate)");
                Add(g, "CloudFront", "data out", $"{_a.CdnGbPerMonth} GB", "cloudfront", "data-out", _a.CdnGbPerMonth, usage: true);
                Usage("cost.assumptions.cdnRequestsMillions", $"{_a.CdnRequestsMillions} M", "CloudFront HTTPS requests");
                Add(g, "CloudFront", "HTTPS requests", $"{_a.CdnRequestsMillions} M", "cloudfront", "https-requests", _a.CdnRequestsMillions * 100, usage: true);
            }
            if (edge.Waf is { } waf)
                WebAcl(g, waf, _a.WafRequestsMillions, $"{_a.WafRequestsMillions} M");
            if (edge.Accelerator is not null)
            {
                Add(g, "Global Accelerator", "accelerator", "1 x 730 h", "globalaccelerator", "accelerator-hour", Hours);
                Usage("cost.assumptions.acceleratorGbPerMonth", $"{_a.AcceleratorGbPerMonth} GB", "Global Accelerator DT-Premium");
                Add(g, "Global Accelerator", "DT-Premium", $"{_a.AcceleratorGbPerMonth} GB", "globalaccelerator", "dt-premium", _a.AcceleratorGbPerMonth, usage: true);
            }
        }

        private void WebAcl(string region, WafConfig waf, decimal requestsMillions, string requests)
        {
            // The rate-based rule plus one per managed rule group.
            var rules = waf.ManagedRuleGroups.Count + 1;
            Add(region, "WAF", "web ACL", "1 ACL", "waf", "web-acl", 1);
            Add(region, "WAF", "rules (managed groups + rate rule)", $"{rules} rules", "waf", "rule", rules);
            Usage("cost.assumptions.wafRequestsMillions", $"{_a.WafRequestsMillions} M", "requests the web ACLs inspect (regional ACLs: traffic-weight share)");
            Add(region, "WAF", "requests", $"{requests} requests", "waf", "requests", requestsMillions, usage: true);
        }

        private static decimal Share(decimal total, RegionConfig r) => total * r.TrafficWeight / 100;

        private static CostRange Range(NodeBounds nodes, decimal perNode) =>
            new(Money(nodes.Min * perNode), Money(nodes.Desired * perNode), Money(nodes.Max * perNode));

        private static decimal Money(decimal usd) => Math.Round(usd, 2, MidpointRounding.AwayFromZero);

        private Price? Find(string service, string item, string region)
        {
            var p = prices.Find(service, item, region);
            if (p is null) Unpriced.Add($"{service} {item} ({region})");
            return p;
        }

        private void Add(string region, string service, string item, string quantity, string priceService, string priceItem, decimal units, bool usage = false)
        {
            // Prices are per region; global services' rows are under "global" or "*".
            var p = Find(priceService, priceItem, region == CostEstimate.Global ? CostEstimate.Global : region);
            if (p is null) return;
            Lines.Add(new CostLine(region, service, item, quantity, p.Value, p.Unit, CostRange.Fixed(Money(units * p.Value)), usage, p.Citation));
        }

        private void Usage(string setting, string value, string usedFor)
        {
            if (Assumptions.All(a => a.Setting != setting))
                Assumptions.Add(new CostAssumption(setting, value, usedFor));
        }
    }
}
