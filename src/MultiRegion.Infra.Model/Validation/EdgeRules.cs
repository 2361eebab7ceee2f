using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>Rules of the <c>edge</c> section: what Route53, CloudFront, WAF and Global Accelerator can actually do.</summary>
internal static partial class EdgeRules
{
    /// <summary>A name the regional certificates (<c>*.zone</c>, <c>*.api.zone</c>) cover.</summary>
    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.api)?$")]
    private static partial Regex CertifiedName();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,30}$")]
    private static partial Regex GroupName();

    [GeneratedRegex(@"^AWSManagedRules[A-Za-z0-9]+$")]
    private static partial Regex ManagedRuleGroup();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex RuleName();

    public static void Validate(StackConfig c, ProblemSink sink)
    {
        if (c.Edge is not { } e)
            return;
        var regions = c.Regions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        ValidateHealthCheck(e.HealthCheck, sink);
        ValidateRouting(c, e.Routing, regions, sink);
        ValidateNames(e, regions, sink);
        if (e.Cdn is { } cdn)
            ValidateCdn(e, cdn, regions, sink);
        if (e.Waf is { } waf)
            ValidateWaf(waf, sink);
        if (e.Accelerator is { } ga)
            ValidateAccelerator(ga, regions, sink);
        ValidateLimits(c, sink);
    }

    /// <summary>
    /// AWS limits counted before synthesis (<see cref="LimitsPlanner"/>): over a hard one the config is refused with
    /// the arithmetic (CloudFormation would refuse the template); at 80 % of an adjustable quota a warning names it.
    /// </summary>
    private static void ValidateLimits(StackConfig c, ProblemSink sink)
    {
        var at = c.Edge!.Routing.Failover.Count > 0 ? "edge.routing.failover" : "regions";
        foreach (var use in LimitsPlanner.Of(c))
        {
            var what = $"{use.Scope}: {use.Used} against {use.Quota.Name} {use.Quota.Value} ({use.Arithmetic}; {use.Quota.Source})";
            if (use.Over && !use.Quota.Adjustable)
                sink.Add(at, $"{what}: a hard limit; use fewer regions or failover rows (a row is only needed where the split differs from the proportional one)");
            else if (use.Near && use.Quota.Adjustable)
                sink.Warn(at, $"{what}: {(use.Over ? "over" : "near")} the default quota; ask AWS to raise '{use.Quota.Name}' before deploying");
        }
    }

    private static void ValidateHealthCheck(HealthCheckConfig h, ProblemSink sink)
    {
        const string at = "edge.healthCheck";
        if (h.IntervalSeconds is { } interval)
            sink.Require(HealthCheckConfig.AllowedIntervals.Contains(interval), $"{at}.intervalSeconds",
                $"{interval} is not allowed: Route53 checks every 10 or 30 s (leave it out to let the program choose)");
        sink.Require(h.FailureThreshold is >= 1 and <= 10, $"{at}.failureThreshold",
            $"{h.FailureThreshold} is outside 1..10 consecutive failures (Route53's range)");
        sink.Require(h.Path.StartsWith('/') && h.Path.Length <= 255, $"{at}.path",
            $"'{h.Path}' must be a path starting with '/' (at most 255 characters)");
        sink.Require(h.Port is >= 1 and <= 65535, $"{at}.port", $"{h.Port} is not a TCP port");
    }

    private static void ValidateRouting(StackConfig c, RoutingConfig r, HashSet<string> regions, ProblemSink sink)
    {
        const string at = "edge.routing";
        var rowsBySet = new List<IReadOnlyList<string>>();
        for (var i = 0; i < r.Failover.Count; i++)
        {
            var row = r.Failover[i];
            var rp = $"{at}.failover[{i}]";
            var failedOk = true;
            if (row.Failed.Count is < 1 or > 2)
            {
                sink.Add($"{rp}.failed", $"{row.Failed.Count} region(s) listed; a row is for one failed region or a pair (the plan covers single failures and pairs)");
                failedOk = false;
            }
            foreach (var f in row.Failed)
                if (!regions.Contains(f))
                {
                    sink.Add($"{rp}.failed", $"'{f}' is not a region of this config{DidYouMean.Hint(f, regions)}");
                    failedOk = false;
                }
            if (row.Failed.Distinct().Count() != row.Failed.Count)
            {
                sink.Add($"{rp}.failed", "a region is listed twice");
                failedOk = false;
            }
            if (failedOk && row.Failed.Count >= regions.Count)
            {
                sink.Add($"{rp}.failed", "every region is listed: with all regions down there is nothing to route to");
                failedOk = false;
            }
            if (failedOk)
            {
                var earlier = rowsBySet.FindIndex(s => FailoverPlanner.SameSet(s, row.Failed));
                if (earlier >= 0)
                    sink.Add($"{rp}.failed", $"[{string.Join(", ", row.Failed)}] already has a row (failover[{earlier}])");
            }
            rowsBySet.Add(row.Failed);

            foreach (var (region, pct) in row.Split)
            {
                if (!regions.Contains(region))
                    sink.Add($"{rp}.split.{region}", $"'{region}' is not a region of this config{DidYouMean.Hint(region, regions)}");
                else if (row.Failed.Contains(region))
                    sink.Add($"{rp}.split.{region}", $"'{region}' is down in this row; only surviving regions can take traffic");
                sink.Require(pct is >= 0 and <= 100, $"{rp}.split.{region}", $"{pct} is not a percentage between 0 and 100");
            }
            var sum = row.Split.Values.Sum(v => (long)v); // long: out-of-range parts are reported above; the sum must not overflow
            sink.Require(sum == 100, $"{rp}.split",
                $"the split must sum to 100, got {string.Join(" + ", row.Split.Values)} = {sum}");
        }

        // A scenario without a row (single failure or pair) gets the survivors' proportional split from Route53's
        // weighted routing (FailoverPlanner, plan.md); rows are only for splits that differ from it.

        if (r.Geolocation is { } geo)
        {
            sink.Require(r.GeolocationName is not null, $"{at}.geolocationName", "geolocation rules are given, so a name for the geolocation records is required");
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < geo.Count; i++)
            {
                var g = geo[i];
                var gp = $"{at}.geolocation[{i}]";
                sink.Require(g.Locations.Count > 0, $"{gp}.locations", "at least one location is required");
                foreach (var loc in g.Locations)
                {
                    if (loc != GeolocationRule.Default && !GeolocationRule.Continents.Contains(loc))
                        sink.Add($"{gp}.locations", $"'{loc}' is not a Route53 continent code ({string.Join(", ", GeolocationRule.Continents)}) or '*' (everyone else)");
                    else if (seen.TryGetValue(loc, out var first))
                        sink.Add($"{gp}.locations", $"'{loc}' already routed by geolocation[{first}]; a location can have only one record");
                    else
                        seen[loc] = i;
                }
                sink.Require(g.Regions.Count > 0, $"{gp}.regions", "at least one region is required");
                foreach (var reg in g.Regions)
                    sink.Require(regions.Contains(reg), $"{gp}.regions", $"'{reg}' is not a region of this config{DidYouMean.Hint(reg, regions)}");
                if (g.Regions.Distinct().Count() != g.Regions.Count)
                    sink.Add($"{gp}.regions", "a region is listed twice");
            }
            sink.Require(seen.ContainsKey(GeolocationRule.Default), $"{at}.geolocation",
                "no default rule (locations: ['*']): users outside the listed locations would get no answer");
        }
        else if (r.GeolocationName is not null)
            sink.Add($"{at}.geolocation", $"'{r.GeolocationName}' is named but no geolocation rules are given");
    }

    /// <summary>Every name in the zone is distinct, covered by the certificates and clear of the regional origin names.</summary>
    private static void ValidateNames(EdgeConfig e, HashSet<string> regions, ProblemSink sink)
    {
        var names = new List<(string Path, string Name, bool OneLabel)>
        {
            ("edge.routing.weightedName", e.Routing.WeightedName, false),
            ("edge.routing.latencyName", e.Routing.LatencyName, false),
        };
        if (e.Routing.GeolocationName is { } g) names.Add(("edge.routing.geolocationName", g, false));
        if (e.Cdn is { } cdn) names.Add(("edge.cdn.domainName", cdn.DomainName, true));
        if (e.Accelerator is { } ga) names.Add(("edge.accelerator.recordName", ga.RecordName, true));

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, name, oneLabel) in names)
        {
            if (oneLabel ? !Label().IsMatch(name) : !CertifiedName().IsMatch(name))
                sink.Add(path, oneLabel
                    ? $"'{name}' must be one DNS label (relative to the zone), e.g. 'www'"
                    : $"'{name}' must be one DNS label or '<label>.api' (relative to the zone): the regional certificates cover *.<zone> and *.api.<zone>");
            else if (regions.Contains(name))
                sink.Add(path, $"'{name}' is a region's origin name (<region>.<zone>); choose another");
            else if (seen.TryGetValue(name, out var other))
                sink.Add(path, $"'{name}' is already used by {other}");
            else
                seen[name] = path;
        }
    }

    private static void ValidateCdn(EdgeConfig e, CdnConfig cdn, HashSet<string> regions, ProblemSink sink)
    {
        const string at = "edge.cdn";
        foreach (var (name, group) in cdn.OriginGroups)
        {
            var gp = $"{at}.originGroups.{name}";
            if (!GroupName().IsMatch(name))
                sink.Add(gp, $"'{name}' must be lower-case letters, digits and '-', starting with a letter");
            else if (regions.Contains(name) || CdnConfig.RoutedOrigins.Contains(name))
                sink.Add(gp, $"'{name}' is already an origin name (a region or {string.Join(", ", CdnConfig.RoutedOrigins)}); choose another");
            sink.Require(regions.Contains(group.Primary), $"{gp}.primary", $"'{group.Primary}' is not a region of this config{DidYouMean.Hint(group.Primary, regions)}");
            if (group.Secondary is not { } secondary)
                sink.Add($"{gp}.secondary", $"a CloudFront origin group has exactly two origins; '{name}' has only '{group.Primary}' (a group cannot fail over to nothing)");
            else if (!regions.Contains(secondary))
                sink.Add($"{gp}.secondary", $"'{secondary}' is not a region of this config{DidYouMean.Hint(secondary, regions)}");
            else if (secondary == group.Primary)
                sink.Add($"{gp}.secondary", $"'{secondary}' is also the primary; an origin group needs two different origins");
        }

        var f = cdn.OriginFailover;
        const string fp = at + ".originFailover";
        sink.Require(f.StatusCodes.Count > 0, $"{fp}.statusCodes", "at least one status code is required");
        foreach (var code in f.StatusCodes)
            sink.Require(OriginFailoverConfig.AllowedStatusCodes.Contains(code), $"{fp}.statusCodes",
                $"{code} cannot trigger origin failover (CloudFront allows {string.Join(", ", OriginFailoverConfig.AllowedStatusCodes)})");
        if (f.StatusCodes.Distinct().Count() != f.StatusCodes.Count)
            sink.Add($"{fp}.statusCodes", "a status code is listed twice");
        sink.Require(f.ConnectionAttempts is >= 1 and <= 3, $"{fp}.connectionAttempts", $"{f.ConnectionAttempts} is outside CloudFront's 1..3");
        sink.Require(f.ConnectionTimeoutSeconds is >= 1 and <= 10, $"{fp}.connectionTimeoutSeconds", $"{f.ConnectionTimeoutSeconds} is outside CloudFront's 1..10 s");
        sink.Require(f.ReadTimeoutSeconds is >= 1 and <= 60, $"{fp}.readTimeoutSeconds", $"{f.ReadTimeoutSeconds} is outside CloudFront's 1..60 s (more needs a quota increase)");
        sink.Require(cdn.LogRetentionDays >= 1, $"{at}.logRetentionDays", $"{cdn.LogRetentionDays} must be at least 1 day");

        var used = new HashSet<string>(StringComparer.Ordinal);
        ValidateBehavior(e, cdn, cdn.DefaultBehavior, $"{at}.defaultBehavior", regions, used, sink);
        var patterns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cdn.PathBehaviors.Count; i++)
        {
            var b = cdn.PathBehaviors[i];
            var bp = $"{at}.behaviors[{i}]";
            if (string.IsNullOrWhiteSpace(b.PathPattern) || b.PathPattern == "*" || b.PathPattern.Length > 255)
                sink.Add($"{bp}.pathPattern", $"'{b.PathPattern}' must be a path pattern such as /api/* (the default behaviour covers '*')");
            else if (patterns.TryGetValue(b.PathPattern, out var first))
                sink.Add($"{bp}.pathPattern", $"'{b.PathPattern}' already used by behaviors[{first}]");
            else
                patterns[b.PathPattern] = i;
            ValidateBehavior(e, cdn, b, bp, regions, used, sink);
        }
        sink.Require(cdn.PathBehaviors.Count <= 25, $"{at}.behaviors", $"{cdn.PathBehaviors.Count} behaviours; CloudFront allows 25 per distribution");

        foreach (var name in cdn.OriginGroups.Keys.Where(n => !used.Contains(n)))
            sink.Add($"{at}.originGroups.{name}", $"'{name}' is used by no behaviour; CloudFront only keeps origin groups a behaviour uses");
    }

    private static void ValidateBehavior(EdgeConfig e, CdnConfig cdn, CacheBehaviorConfig b, string at, HashSet<string> regions, HashSet<string> used, ProblemSink sink)
    {
        used.Add(b.Origin);
        var isGroup = cdn.OriginGroups.ContainsKey(b.Origin);
        if (isGroup)
            sink.Require(b.Methods != AllowedMethods.All, $"{at}.methods",
                $"'all' (POST, PUT, PATCH, DELETE) is not possible on origin group '{b.Origin}': origin failover only serves GET, HEAD and OPTIONS; send writes to a region or a routed name (weighted, latency)");
        else if (b.Origin == CdnConfig.GeolocationOrigin)
            sink.Require(e.Routing.GeolocationName is not null, $"{at}.origin", "'geolocation' needs edge.routing.geolocationName and geolocation rules");
        else if (b.Origin == CdnConfig.AcceleratorOrigin)
            sink.Require(e.Accelerator is not null, $"{at}.origin", "'accelerator' needs an edge.accelerator section");
        else if (!regions.Contains(b.Origin) && !CdnConfig.RoutedOrigins.Contains(b.Origin))
        {
            var known = regions.Concat(cdn.OriginGroups.Keys).Concat(CdnConfig.RoutedOrigins).ToList();
            sink.Add($"{at}.origin", $"'{b.Origin}' is not a region, an origin group or one of {string.Join(", ", CdnConfig.RoutedOrigins)}{DidYouMean.Hint(b.Origin, known)}");
        }
        sink.Require(b.TtlSeconds is >= 0 and <= 31_536_000, $"{at}.ttlSeconds", $"{b.TtlSeconds} is outside 0..31536000 s (one year)");
    }

    private static void ValidateWaf(WafConfig w, ProblemSink sink)
    {
        const string at = "edge.waf";
        sink.Require(w.CloudFrontAclRegion == AwsRegions.CloudFrontHome, $"{at}.cloudFrontAclRegion",
            $"'{w.CloudFrontAclRegion}' is not allowed: a web ACL with scope CLOUDFRONT must be created in {AwsRegions.CloudFrontHome}");
        sink.Require(w.RateLimit is >= WafConfig.MinRateLimit and <= WafConfig.MaxRateLimit, $"{at}.rateLimit",
            $"{w.RateLimit} is outside WAF's {WafConfig.MinRateLimit}..{WafConfig.MaxRateLimit} requests per window");
        sink.Require(WafConfig.AllowedWindows.Contains(w.RateLimitWindowSeconds), $"{at}.rateLimitWindowSeconds",
            $"{w.RateLimitWindowSeconds} is not a WAF evaluation window ({string.Join(", ", WafConfig.AllowedWindows)} s)");
        for (var i = 0; i < w.ManagedRuleGroups.Count; i++)
            sink.Require(ManagedRuleGroup().IsMatch(w.ManagedRuleGroups[i]), $"{at}.managedRuleGroups[{i}]",
                $"'{w.ManagedRuleGroups[i]}' is not an AWS managed rule group name such as AWSManagedRulesCommonRuleSet");
        if (w.ManagedRuleGroups.Distinct().Count() != w.ManagedRuleGroups.Count)
            sink.Add($"{at}.managedRuleGroups", "a rule group is listed twice");
        ValidateOriginHeaderKeys(w, sink);
        foreach (var (group, rules) in w.CountRules ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (!w.ManagedRuleGroups.Contains(group))
                sink.Add($"{at}.countRules.{group}", $"'{group}' is not in managedRuleGroups{DidYouMean.Hint(group, w.ManagedRuleGroups)}; only a group the ACL uses can have rules counted");
            for (var i = 0; i < rules.Count; i++)
                sink.Require(RuleName().IsMatch(rules[i]), $"{at}.countRules.{group}[{i}]",
                    $"'{rules[i]}' is not a rule name of a managed rule group such as {WafConfig.BodySizeRule}");
        }
    }

    private static void ValidateOriginHeaderKeys(WafConfig w, ProblemSink sink)
    {
        const string at = "edge.waf.originHeaderKeys";
        var keys = w.EffectiveOriginHeaderKeys;
        sink.Require(keys.Count is 1 or 2, at,
            $"{keys.Count} keys listed; give one, or two while rotating (the regional ACLs accept both, CloudFront sends the last)");
        for (var i = 0; i < keys.Count; i++)
            sink.Require(RuleName().IsMatch(keys[i]), $"{at}[{i}]", $"'{keys[i]}' must be a JSON key of letters, digits, '_' or '-' (e.g. v2)");
        if (keys.Distinct().Count() != keys.Count)
            sink.Add(at, "a key is listed twice");
    }

    private static void ValidateAccelerator(AcceleratorConfig a, HashSet<string> regions, ProblemSink sink)
    {
        const string at = "edge.accelerator";
        sink.Require(a.ListenerPort is >= 1 and <= 65535, $"{at}.listenerPort", $"{a.ListenerPort} is not a TCP port");
        // Global Accelerator ignores endpoint-group health checks for load balancer endpoints (see AcceleratorConfig).
        var set = new (string Key, object? Value)[]
        {
            ("healthCheckIntervalSeconds", a.HealthCheckIntervalSeconds), ("healthCheckThreshold", a.HealthCheckThreshold), ("healthCheckPath", a.HealthCheckPath),
        };
        foreach (var (key, value) in set.Where(s => s.Value is not null))
            sink.Add($"{at}.{key}", $"{value} would do nothing: the endpoints are load balancers, and for those Global Accelerator uses the load balancer's own target health " +
                "(docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups.html); remove it and tune compute.workloads.<name>.ingress.healthCheckIntervalSeconds instead");
        foreach (var (region, g) in a.EndpointGroups ?? new Dictionary<string, EndpointGroupConfig>())
        {
            var gp = $"{at}.endpointGroups.{region}";
            sink.Require(regions.Contains(region), gp, $"'{region}' is not a region of this config{DidYouMean.Hint(region, regions)}");
            sink.Require(g.TrafficDialPercent is >= 0 and <= 100, $"{gp}.trafficDialPercent", $"{g.TrafficDialPercent} is not a percentage between 0 and 100");
            sink.Require(g.Weight is >= 0 and <= 255, $"{gp}.weight", $"{g.Weight} is outside Global Accelerator's 0..255");
        }
    }
}
