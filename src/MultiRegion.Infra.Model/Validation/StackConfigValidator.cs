using System.Net;
using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>
/// The semantic rules of a stack config, checked once at the edge after binding. Every rule reports
/// the document path, the bad value and the rule; all violations are reported together.
/// Concern-specific rules live beside this file (one class a concern) and are called from here.
/// </summary>
public static partial class StackConfigValidator
{
    public static IReadOnlyList<(string Path, string Message)> Validate(StackConfig config) => Check(config).Items;

    /// <summary>Every rule, with problems (refusals) and warnings apart.</summary>
    /// <param name="today">The run's date for the lifecycle guard (default: today in UTC); tests pin it.</param>
    public static ProblemSink Check(StackConfig config, DateOnly? today = null)
    {
        var sink = new ProblemSink();
        ValidateIdentity(config, sink);
        ValidateRegions(config, sink);
        ValidateSizing(config, sink);
        ValidateDns(config, sink);
        ValidateNetwork(config, sink);
        ValidateBackupFrequency(config, sink);
        EdgeRules.Validate(config, sink);
        DataRules.Validate(config, sink);
        ComputeRules.Validate(config, sink);
        SecurityRules.Validate(config, sink);
        ObjectivesRules.Validate(config, sink);
        AlertingRules.Validate(config, sink);
        ObservabilityRules.Validate(config, sink);
        LifecycleRules.Validate(config, today ?? Lifecycle.LifecycleDates.TodayUtc(), sink);
        CostRules.Validate(config, sink);
        RecoveryRules.Validate(config, sink);
        return sink;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$")]
    private static partial Regex NamePart();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")]
    private static partial Regex DomainName();

    private static void ValidateIdentity(StackConfig c, ProblemSink sink)
    {
        // app and environment become stack names and physical resource names: keep them short and DNS-safe.
        sink.Require(NamePart().IsMatch(c.App), "app",
            $"'{c.App}' must be 1-20 characters of lower-case letters, digits and '-', starting with a letter");
        sink.Require(NamePart().IsMatch(c.Environment), "environment",
            $"'{c.Environment}' must be 1-20 characters of lower-case letters, digits and '-', starting with a letter");
        sink.Require(AccountId().IsMatch(c.Account), "account",
            $"'{c.Account}' is not a 12-digit AWS account id (quote it in YAML so leading zeros survive)");
        if (c.Tags is not null)
            foreach (var (key, value) in c.Tags)
            {
                sink.Require(key is not ("app" or "environment" or "region" or "region-role"), $"tags.{key}",
                    $"'{key}' is set by the program itself and cannot be overridden");
                ValidateTag(key, value, sink);
            }
        // Every resource carries the program's 4 tags besides these; AWS allows 50 user tags per resource.
        if (c.Tags is { Count: > MaxUserTags - ProgramTags })
            sink.Add("tags", $"{c.Tags.Count} tags plus the program's {ProgramTags} exceed AWS's {MaxUserTags} tags per resource");
    }

    // AWS tag rules (https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/ECS/TTag.html, the same for every service's
    // tagging API; CloudFormation's Tag type: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Tag.html):
    // key 1-128 and value at most 256 Unicode characters, 50 user tags per resource, and the 'aws:' prefix (any case)
    // reserved for AWS on keys and values.
    private const int MaxTagKey = 128, MaxTagValue = 256, MaxUserTags = 50, ProgramTags = 4;

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagCharacters();

    private static void ValidateTag(string key, string value, ProblemSink sink)
    {
        var at = $"tags.{key}";
        var keyLength = new System.Globalization.StringInfo(key).LengthInTextElements;
        var valueLength = new System.Globalization.StringInfo(value).LengthInTextElements;
        sink.Require(keyLength is >= 1 and <= MaxTagKey, at, $"the key is {keyLength} characters; AWS allows 1 to {MaxTagKey}");
        sink.Require(valueLength <= MaxTagValue, at, $"the value is {valueLength} characters; AWS allows at most {MaxTagValue}");
        sink.Require(!key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase), at, $"'{key}': keys starting with 'aws:' are reserved for AWS");
        sink.Require(!value.StartsWith("aws:", StringComparison.OrdinalIgnoreCase), at, $"'{value}': values starting with 'aws:' are reserved for AWS");
        sink.Require(TagCharacters().IsMatch(key) && TagCharacters().IsMatch(value), at,
            "tags may hold letters, digits, spaces and _ . : / = + - @ only (the set every AWS service accepts)");
    }

    private static void ValidateRegions(StackConfig c, ProblemSink sink)
    {
        if (!sink.Require(c.Regions.Count > 0, "regions", "at least one region is required"))
            return;

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < c.Regions.Count; i++)
        {
            var r = c.Regions[i];
            var at = $"regions[{i}]";
            if (!AwsRegions.All.Contains(r.Name))
                sink.Add($"{at}.name", $"unknown AWS region '{r.Name}'{DidYouMean.Hint(r.Name, AwsRegions.All)}");
            if (seen.TryGetValue(r.Name, out var first))
                sink.Add($"{at}.name", $"duplicate region '{r.Name}' (already regions[{first}])");
            else
                seen[r.Name] = i;

            sink.Require(r.TrafficWeight is >= 0 and <= 100, $"{at}.trafficWeight",
                $"{r.TrafficWeight} is not a percentage between 0 and 100");

            sink.Require(r.AvailabilityZones.Count >= 2, $"{at}.availabilityZones",
                $"{r.AvailabilityZones.Count} zone(s) given; at least 2 are needed for multi-AZ data stores");
            for (var z = 0; z < r.AvailabilityZones.Count; z++)
            {
                var az = r.AvailabilityZones[z];
                sink.Require(az.Length == r.Name.Length + 1 && az.StartsWith(r.Name, StringComparison.Ordinal) && char.IsAsciiLetterLower(az[^1]),
                    $"{at}.availabilityZones[{z}]", $"'{az}' is not an availability zone of {r.Name} (expected {r.Name}a, {r.Name}b, ...)");
            }
            if (r.AvailabilityZones.Distinct().Count() != r.AvailabilityZones.Count)
                sink.Add($"{at}.availabilityZones", "an availability zone is listed twice");

            if (!Cidr.TryParse(r.VpcCidr, out var cidr))
                sink.Add($"{at}.vpcCidr", $"'{r.VpcCidr}' is not an IPv4 CIDR block such as 10.10.0.0/16");
            else if (cidr.PrefixLength is < 16 or > 18)
                sink.Add($"{at}.vpcCidr", $"'{r.VpcCidr}': the prefix must be /16 to /18: EKS pods take VPC addresses, and each AZ gets a private subnet an eighth of the VPC");
            else if (Planning.SubnetLayout.MaxZones(cidr.PrefixLength) is var max && r.AvailabilityZones.Count > max)
                sink.Add($"{at}.availabilityZones",
                    $"{r.AvailabilityZones.Count} zones do not fit in '{r.VpcCidr}': each zone takes a public /{cidr.PrefixLength + 8}, a private /{cidr.PrefixLength + 3} and a data /{cidr.PrefixLength + 8}, so at most {max} zones fit; use at most {max} zones");
        }

        var primaries = c.Regions.Count(r => r.Role == RegionRole.Primary);
        sink.Require(primaries == 1, "regions",
            $"exactly one region must have role 'primary' (found {primaries})");

        var sum = c.Regions.Sum(r => (long)r.TrafficWeight); // long: weights are bounded above, but the sum must not overflow first
        sink.Require(sum == 100, "regions",
            $"traffic weights must sum to 100, got {string.Join(" + ", c.Regions.Select(r => r.TrafficWeight))} = {sum}");

        var cidrs = c.Regions.Select((r, i) => (i, ok: Cidr.TryParse(r.VpcCidr, out var b), b)).Where(x => x.ok).ToList();
        for (var a = 0; a < cidrs.Count; a++)
            for (var b = a + 1; b < cidrs.Count; b++)
                if (cidrs[a].b.Overlaps(cidrs[b].b))
                    sink.Add($"regions[{cidrs[b].i}].vpcCidr",
                        $"'{c.Regions[cidrs[b].i].VpcCidr}' overlaps regions[{cidrs[a].i}] ('{c.Regions[cidrs[a].i].VpcCidr}'); regions must not overlap so they can be peered");
    }

    private static void ValidateSizing(StackConfig c, ProblemSink sink)
    {
        for (var i = 0; i < c.Regions.Count; i++)
        {
            var r = c.Regions[i];
            if (!c.Sizing.ContainsKey(r.SizingTier))
                sink.Add(r.Sizing is null ? $"regions[{i}].role" : $"regions[{i}].sizing",
                    $"no sizing tier '{r.SizingTier}' is declared under 'sizing'{DidYouMean.Hint(r.SizingTier, c.Sizing.Keys)}");
        }

        foreach (var (tierName, tier) in c.Sizing)
        {
            var at = $"sizing.{tierName}";
            sink.Require(tier.SpotPercent is >= 0 and <= 100, $"{at}.spotPercent",
                $"{tier.SpotPercent} is not a percentage between 0 and 100");
            sink.Require(tier.NodeGroups.Count > 0, $"{at}.nodeGroups", "at least one node group is required");
            foreach (var (groupName, g) in tier.NodeGroups)
            {
                var gp = $"{at}.nodeGroups.{groupName}";
                sink.Require(g.MinSize >= 0, $"{gp}.minSize", $"{g.MinSize} must not be negative");
                sink.Require(g.MaxSize >= 1, $"{gp}.maxSize", $"{g.MaxSize} must be at least 1");
                sink.Require(g.MinSize <= g.MaxSize, $"{gp}.minSize", $"minSize {g.MinSize} is greater than maxSize {g.MaxSize}");
                sink.Require(g.DesiredSize >= g.MinSize && g.DesiredSize <= g.MaxSize, $"{gp}.desiredSize",
                    $"{g.DesiredSize} is outside minSize..maxSize ({g.MinSize}..{g.MaxSize})");
                sink.Require(g.MaxSize <= MaxNodesPerGroup, $"{gp}.maxSize",
                    $"{g.MaxSize} is more than {MaxNodesPerGroup:N0} nodes in one group (this program's bound; EKS's own quota is lower: https://docs.aws.amazon.com/eks/latest/userguide/service-quotas.html)");
                sink.Require(g.InstanceTypes.Count > 0, $"{gp}.instanceTypes", "at least one instance type is required");
                NodeGroupTypes.Validate(g, gp, sink);
                if (g.ScaleDownUtilization is { } u)
                    sink.Require(u is > 0 and < 1, $"{gp}.scaleDownUtilization", $"{u} must be a fraction between 0 and 1");
            }
            if (tier.Database is { } db)
            {
                sink.Require(db.ReadReplicas is >= 0 and <= 15, $"{at}.database.readReplicas",
                    $"{db.ReadReplicas} is outside 0..15 (Aurora allows at most 15 replicas per cluster)");
                // The "db." prefix itself is a data rule; here: the family and size exist (db.serverless is Serverless v2).
                if (db.InstanceClass.StartsWith("db.", StringComparison.Ordinal) && db.InstanceClass != "db.serverless"
                    && InstanceFamilies.Find(db.InstanceClass, InstanceFamilies.Aurora, "db.").Problem is { } dbProblem)
                    sink.Add($"{at}.database.instanceClass", dbProblem);
            }
            if (tier.Cache is { } cache)
            {
                sink.Require(cache.ReplicasPerShard is >= 0 and <= 5, $"{at}.cache.replicasPerShard",
                    $"{cache.ReplicasPerShard} is outside 0..5 (ElastiCache allows at most 5 replicas per shard)");
                if (cache.NodeType.StartsWith("cache.", StringComparison.Ordinal)
                    && InstanceFamilies.Find(cache.NodeType, InstanceFamilies.Cache, "cache.").Problem is { } cacheProblem)
                    sink.Add($"{at}.cache.nodeType", cacheProblem);
            }
        }
    }

    private static void ValidateDns(StackConfig c, ProblemSink sink)
    {
        sink.Require(DomainName().IsMatch(c.Dns.ZoneName), "dns.zoneName", $"'{c.Dns.ZoneName}' is not a domain name such as example.com");
        sink.Require(c.Dns.HostedZoneId.StartsWith('Z') && c.Dns.HostedZoneId.Length is >= 10 and <= 32,
            "dns.hostedZoneId", $"'{c.Dns.HostedZoneId}' is not a Route53 hosted zone id (Z followed by letters and digits)");
    }

    private static void ValidateNetwork(StackConfig c, ProblemSink sink)
    {
        var n = c.NetworkSettings;
        sink.Require(LogRetention.IsValid(n.FlowLogRetentionDays), "network.flowLogRetentionDays",
            $"{n.FlowLogRetentionDays} is not a CloudWatch Logs retention ({string.Join(", ", LogRetention.Allowed)})");
        if (n.InterfaceEndpoints is { } eps)
        {
            // Each endpoint's construct id is its name in PascalCase (RegionalNetwork.EndpointId): 'ecr.api' and
            // 'ecr-api' would collide, and an empty part ('ecr..api') has no id at all.
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < eps.Count; i++)
            {
                if (!sink.Require(EndpointName().IsMatch(eps[i]), $"network.interfaceEndpoints[{i}]",
                        $"'{eps[i]}' is not a service name such as 'ecr.api' or 'logs'"))
                    continue;
                var id = string.Concat(eps[i].Split('.', '-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
                if (ids.TryGetValue(id, out var first))
                    sink.Add($"network.interfaceEndpoints[{i}]", $"'{eps[i]}' repeats interfaceEndpoints[{first}] ('{eps[first]}'); list each service once");
                else
                    ids[id] = i;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$")]
    private static partial Regex EndpointName();

    /// <summary>Nodes per node group this program accepts: keeps every sum and split far from overflow.</summary>
    public const int MaxNodesPerGroup = 1000;

    /// <summary>
    /// AWS Backup refuses a schedule that runs more often than hourly ("The interval between backup jobs shouldn't be
    /// less than 60 minutes": https://repost.aws/questions/QUwYlivOoWTHi1nSuSGjTVFg). Refused here, so such a schedule
    /// never reaches the RPO arithmetic either (objectives are checked only once every rule passes).
    /// </summary>
    private static void ValidateBackupFrequency(StackConfig c, ProblemSink sink)
    {
        if (c.Data?.Backup is not { } backup) return;
        if (Planning.Objectives.BackupSchedule.IntervalSeconds(backup.Schedule) is { } seconds && seconds < Planning.Objectives.AwsLimits.BackupMinimumInterval.Seconds)
            sink.Add("data.backup.schedule",
                $"'{backup.Schedule}' runs every {seconds / 60:0.#} minutes; AWS Backup runs at most hourly and needs at least 60 minutes between jobs (e.g. cron(0 * * * ? *) for hourly)");
    }
}

/// <summary>The retention periods CloudWatch Logs accepts.</summary>
public static class LogRetention
{
    public static readonly IReadOnlyList<int> Allowed =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static bool IsValid(int days) => Allowed.Contains(days);
}

/// <summary>An IPv4 CIDR block.</summary>
public readonly record struct Cidr(uint Network, int PrefixLength)
{
    public static bool TryParse(string text, out Cidr cidr)
    {
        cidr = default;
        var parts = text.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !int.TryParse(parts[1], out var prefix) || prefix is < 0 or > 32 || parts[0].Count(ch => ch == '.') != 3)
            return false;
        var bytes = ip.GetAddressBytes();
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        if ((value & ~mask) != 0) return false; // host bits set: not a network address
        cidr = new Cidr(value, prefix);
        return true;
    }

    public bool Overlaps(Cidr other)
    {
        var prefix = Math.Min(PrefixLength, other.PrefixLength);
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return (Network & mask) == (other.Network & mask);
    }
}
