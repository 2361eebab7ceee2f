using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Objectives;

namespace MultiRegion.Infra.Model.Planning.Recovery;

/// <summary>
/// The runbooks of a config, pure: the SSM documents (<c>RegionRunbooks</c>), the EventBridge triggers and plan.md's
/// Disaster recovery section all read this one answer.
///
/// Per region F: <c>&lt;prefix&gt;-failover-F</c> and <c>&lt;prefix&gt;-failback-F</c>, deployed in every other region (a
/// runbook for "F is down" cannot live in F) and, when the alarm region (us-east-1, where Route53 health-check
/// metrics and so the region-down alarms live) is not a platform region, in the global stack there too, so the
/// alarm can start it. Failover order: approve (approval mode), promote the database, each cache, re-point the
/// writer parameters, raise the survivors' node-group floors. Fail-back reverses it towards the configured primary.
/// </summary>
public static class RunbookPlanner
{
    /// <summary>Route53 publishes health-check metrics only in us-east-1, so the region-down alarms (and their rules) live there.</summary>
    public const string AlarmRegion = "us-east-1";

    /// <summary>The document parameter that names the target region (default: the first survivor in the promotion order).</summary>
    public const string TargetParameter = "{{ TargetRegion }}";

    /// <summary>Replaced by the scripts with the target region in ARNs and parameter values.</summary>
    public const string RegionPlaceholder = "{region}";

    public static IReadOnlyList<Runbook> Plan(StackConfig c)
    {
        if (c.Recovery is null) return [];
        return c.Regions.SelectMany(r => new[] { Failover(c, r.Name), Failback(c, r.Name) }).ToList();
    }

    public static string DocumentName(StackConfig c, RunbookKind kind, string region) =>
        $"{c.Prefix}-{(kind == RunbookKind.Failover ? "failover" : "failback")}-{region}";

    /// <summary>
    /// SNS topic (in every region hosting a runbook with an approval step) that <c>aws:approve</c> notifies. SSM
    /// Automation requires its name to start with "Automation" (NotificationArn input,
    /// https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-action-approve.html), so it cannot be a
    /// severity topic (<c>&lt;prefix&gt;-&lt;region&gt;-alerts-&lt;severity&gt;</c>); it gets that severity's routes instead.
    /// </summary>
    public static string ApprovalTopic(StackConfig c) => $"Automation-{c.Prefix}-failover-approval";

    /// <summary>SSM parameter (in every region) holding a store's writer as JSON: region and identifier.</summary>
    public static string WriterParameter(StackConfig c, string store) => $"/{c.Prefix}/recovery/writer/{store}";

    /// <summary>The writer parameters' store keys: <c>database</c>, <c>cache/&lt;name&gt;</c>.</summary>
    public static IReadOnlyList<string> Stores(StackConfig c) =>
        (c.Data?.Database is null ? [] : new[] { "database" })
        .Concat((c.Data?.EffectiveCaches.Keys ?? []).Select(k => $"cache/{k}")).ToList();

    /// <summary>A store's writer parameter value when <paramref name="writerRegion"/> writes.</summary>
    public static string WriterValue(StackConfig c, string store, string writerRegion) => store == "database"
        ? $"{{\"region\":\"{writerRegion}\",\"clusterIdentifier\":\"{DataNames.DatabaseCluster(c, writerRegion)}\"}}"
        : $"{{\"region\":\"{writerRegion}\",\"replicationGroupId\":\"{DataNames.ReplicationGroup(c, store["cache/".Length..])}\"}}";

    /// <summary>Regions that hold the runbooks for <paramref name="failed"/>.</summary>
    public static IReadOnlyList<string> HostRegions(StackConfig c, string failed)
    {
        var hosts = c.Regions.Select(r => r.Name).Where(r => r != failed).ToList();
        if (!c.Regions.Any(r => r.Name == AlarmRegion)) hosts.Add(AlarmRegion);
        return hosts;
    }

    /// <summary>The first survivor in the promotion order takes the writers.</summary>
    public static string PromotionTarget(StackConfig c, IReadOnlyCollection<string> failed) =>
        PromotionOrder(c).First(r => !failed.Contains(r));

    /// <summary><c>recovery.promotionOrder</c>, then the regions it leaves out in config order.</summary>
    public static IReadOnlyList<string> PromotionOrder(StackConfig c)
    {
        var order = c.Recovery?.PromotionOrder ?? [];
        return order.Concat(c.Regions.Select(r => r.Name).Where(r => !order.Contains(r))).ToList();
    }

    public static Runbook Failover(StackConfig c, string failed)
    {
        var rc = c.Recovery!;
        var target = PromotionTarget(c, [failed]);
        var survivors = c.Regions.Where(r => r.Name != failed).ToList();
        var steps = new List<RunbookStep>();
        if (rc.Trigger == RecoveryTrigger.Approval)
            steps.Add(new RunbookStep("Approve", RunbookAction.Approve, $"approval to fail over from {failed} to {target}", null,
                new Dictionary<string, object>
                {
                    ["Approvers"] = rc.Approvers ?? [],
                    ["MinRequiredApprovals"] = rc.MinRequiredApprovals,
                    ["Message"] = $"{c.Prefix}: {failed} is down. Approve to promote {target} and scale the survivors by {rc.CapacityFactor}.",
                }, null, false));
        steps.AddRange(Promotions(c, onlyFrom: failed, rc.AllowDataLoss));
        steps.Add(Repoint(c, survivors.Select(r => r.Name).ToList()));
        if (c.Compute is not null)
            steps.Add(Floors(c, "RaiseNodeGroupFloors", $"raise node-group floors in {string.Join(", ", survivors.Select(r => r.Name))} x {rc.CapacityFactor}",
            survivors, rc.CapacityFactor, AwsLimits.NodeGroupScaleUp));
        var candidates = PromotionOrder(c).Where(r => r != failed).ToList();
        return new Runbook(RunbookKind.Failover, failed, DocumentName(c, RunbookKind.Failover, failed), HostRegions(c, failed), target, candidates, steps,
            Permissions(c, candidates, survivors.Select(r => r.Name).ToList(), survivors));
    }

    public static Runbook Failback(StackConfig c, string returned)
    {
        var primary = c.PrimaryRegion.Name;
        var all = c.Regions.ToList();
        var survivors = all.Where(r => r.Name != returned).ToList();
        var steps = new List<RunbookStep>();
        // Back to the configured layout: a switchover (both regions up, nothing lost), never AllowDataLoss.
        steps.AddRange(Promotions(c, onlyFrom: null, allowDataLoss: false));
        steps.Add(Repoint(c, all.Select(r => r.Name).ToList()));
        if (c.Compute is not null)
            steps.Add(Floors(c, "RestoreNodeGroupFloors", $"restore the configured node-group floors in {string.Join(", ", survivors.Select(r => r.Name))}",
            survivors, 1.0, AwsLimits.ParameterUpdate));
        return new Runbook(RunbookKind.Failback, returned, DocumentName(c, RunbookKind.Failback, returned), HostRegions(c, returned), primary, [primary], steps,
            Permissions(c, [primary], all.Select(r => r.Name).ToList(), survivors));
    }

    private static IEnumerable<RunbookStep> Promotions(StackConfig c, string? onlyFrom, bool allowDataLoss)
    {
        if (c.Data?.Database is not null)
            yield return new RunbookStep("PromoteDatabase", RunbookAction.Script, "promote the Aurora cluster in the target region",
                RunbookScripts.PromoteDatabase,
                new Dictionary<string, object>
                {
                    ["GlobalClusterId"] = DataNames.GlobalDatabase(c),
                    ["TargetRegion"] = TargetParameter,
                    ["TargetClusterArn"] = ClusterArn(c, RegionPlaceholder),
                    ["AllowDataLoss"] = allowDataLoss,
                    ["OnlyIfWriterIn"] = onlyFrom ?? "",
                }, AwsLimits.AuroraUnplannedFailover, true);
        foreach (var name in c.Data?.EffectiveCaches.Keys ?? [])
            yield return new RunbookStep($"PromoteCache{Pascal(name)}", RunbookAction.Script, $"promote Global Datastore {name} in the target region",
                RunbookScripts.PromoteCache,
                new Dictionary<string, object>
                {
                    ["GlobalDatastoreSuffix"] = DataNames.GlobalDatastoreSuffix(c, name),
                    ["TargetRegion"] = TargetParameter,
                    ["TargetReplicationGroupId"] = DataNames.ReplicationGroup(c, name),
                    ["OnlyIfPrimaryIn"] = onlyFrom ?? "",
                }, AwsLimits.GlobalDatastorePromotion, true);
    }

    private static RunbookStep Repoint(StackConfig c, IReadOnlyList<string> regions) =>
        new("RepointWriters", RunbookAction.Script, "writer parameters to the target region", RunbookScripts.PutParameters,
            new Dictionary<string, object>
            {
                ["TargetRegion"] = TargetParameter,
                ["Parameters"] = regions.SelectMany(r => Stores(c).Select(s => (object)new Dictionary<string, object>
                {
                    ["Region"] = r,
                    ["Name"] = WriterParameter(c, s),
                    ["Value"] = WriterValue(c, s, RegionPlaceholder),
                })).ToList(),
            }, AwsLimits.ParameterUpdate, true);

    private static RunbookStep Floors(StackConfig c, string name, string description, IReadOnlyList<RegionConfig> regions, double factor, AwsFact duration) =>
        new(name, RunbookAction.Script, description, RunbookScripts.SetNodeGroupFloors,
            new Dictionary<string, object>
            {
                ["Clusters"] = regions.Select(r => (object)new Dictionary<string, object>
                {
                    ["Region"] = r.Name,
                    ["Cluster"] = CapacityPlan.ClusterName(c, r),
                    ["Groups"] = CapacityPlan.For(c, r).SelectMany(t => t.Groups).Select(g => (object)new Dictionary<string, object>
                    {
                        ["Tier"] = g.Tier,
                        ["Capacity"] = g.Capacity == CapacityKind.Spot ? "spot" : "on-demand",
                        ["Min"] = Scaled(g.Bounds.Min, factor, g.Bounds.Max),
                        // Restoring (factor 1) lowers only the floor: desired stays what the autoscaler chose.
                        ["Desired"] = factor == 1.0 ? g.Bounds.Min : Scaled(g.Bounds.Desired, factor, g.Bounds.Max),
                    }).ToList(),
                }).ToList(),
            }, duration, false);

    /// <summary>A floor raised by the factor, rounded up, never above the group's max.</summary>
    public static int Scaled(int value, double factor, int max) => Math.Min(max, (int)Math.Ceiling(value * factor - 1e-9));

    /// <summary>HPA floors the survivors of <paramref name="failed"/> should get (a manual step: see <see cref="HpaFloor"/>).</summary>
    public static IReadOnlyList<HpaFloor> HpaFloors(StackConfig c, string failed)
    {
        if (c.Recovery is not { } rc || c.Compute is not { } compute) return [];
        return c.Regions.Where(r => r.Name != failed)
            .SelectMany(r => compute.EffectiveWorkloads.Where(w => w.Value.Replicas.ContainsKey(r.SizingTier)).Select(w =>
            {
                var range = w.Value.Replicas[r.SizingTier];
                return new HpaFloor(r.Name, w.Key, w.Value.Namespace, range.Min, Scaled(range.Min, rc.CapacityFactor, range.Max), range.Max);
            })).ToList();
    }

    private static IReadOnlyList<RunbookPermission> Permissions(StackConfig c, IReadOnlyList<string> targets, IReadOnlyList<string> parameterRegions,
        IReadOnlyList<RegionConfig> scaled)
    {
        var account = c.Account;
        var list = new List<RunbookPermission>();
        if (c.Data?.Database is not null)
            list.Add(new RunbookPermission(["rds:DescribeGlobalClusters", "rds:FailoverGlobalCluster"],
                [$"arn:aws:rds::{account}:global-cluster:{DataNames.GlobalDatabase(c)}", .. targets.Select(t => ClusterArn(c, t))],
                "promote the writer's cluster in the global cluster"));
        var caches = c.Data?.EffectiveCaches.Keys.ToList() ?? [];
        if (caches.Count > 0)
        {
            // DescribeGlobalReplicationGroups without an id (the id's prefix is AWS's) is a list call: not resource-scoped.
            list.Add(new RunbookPermission(["elasticache:DescribeGlobalReplicationGroups"], ["*"], "find each Global Datastore by its suffix"));
            list.Add(new RunbookPermission(["elasticache:FailoverGlobalReplicationGroup"],
                caches.SelectMany(n => targets
                    .Select(t => $"arn:aws:elasticache:{t}:{account}:replicationgroup:{DataNames.ReplicationGroup(c, n)}")
                    .Prepend($"arn:aws:elasticache::{account}:globalreplicationgroup:*-{DataNames.GlobalDatastoreSuffix(c, n)}")).ToList(),
                "make the writer region's member the Global Datastore's primary"));
        }
        if (Stores(c).Count > 0)
            list.Add(new RunbookPermission(["ssm:GetParameter", "ssm:PutParameter"],
                parameterRegions.Select(r => $"arn:aws:ssm:{r}:{account}:parameter/{c.Prefix}/recovery/writer/*").ToList(),
                "re-point the writer parameters"));
        list.Add(new RunbookPermission(["eks:ListNodegroups"],
            scaled.Select(r => $"arn:aws:eks:{r.Name}:{account}:cluster/{CapacityPlan.ClusterName(c, r)}").ToList(), "find the node groups"));
        list.Add(new RunbookPermission(["eks:DescribeNodegroup", "eks:UpdateNodegroupConfig"],
            scaled.Select(r => $"arn:aws:eks:{r.Name}:{account}:nodegroup/{CapacityPlan.ClusterName(c, r)}/*/*").ToList(), "set the node-group floors"));
        // The approval topic is regional: the construct grants sns:Publish on its own topic.
        return list;
    }

    private static string ClusterArn(StackConfig c, string region) =>
        $"arn:aws:rds:{region}:{c.Account}:cluster:{DataNames.DatabaseCluster(c, region)}";

    private static string Pascal(string name) =>
        string.Concat(name.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
