namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>What DNS failover is built from: the Route53 health check and the TTL clients may keep.</summary>
/// <param name="AliasRecords">Alias records to a load balancer: clients keep the answer for the ELB's 60 s TTL.</param>
/// <param name="RecordTtlSeconds">TTL of non-alias records; ignored for alias records.</param>
public sealed record DnsFailoverSettings(int IntervalSeconds, int FailureThreshold, bool AliasRecords, int RecordTtlSeconds = 60);

/// <summary>A recovery step a region failover waits for (run in parallel with the others, after detection).</summary>
public sealed record DependentStep(string Name, AwsFact Fact);

/// <summary>
/// Region-failover RTO: health-check detection (interval x threshold), plus the DNS TTL clients may keep,
/// plus what starting the failover runbook costs (the trigger mode's terms: event delivery, a person's response),
/// plus the slowest dependent step the config relies on. Steps run in parallel, so only the slowest counts
/// (the runbook's own steps run one after another and come as one step).
/// </summary>
public static class RtoBudget
{
    public static Budget Compute(DnsFailoverSettings dns, IReadOnlyList<DependentStep> steps, IReadOnlyList<BudgetTerm>? trigger = null)
    {
        var terms = new List<BudgetTerm>
        {
            new($"health check {dns.IntervalSeconds} s x {dns.FailureThreshold} checks", dns.IntervalSeconds * dns.FailureThreshold,
                "Route53 detection time is roughly interval x failure threshold"),
            dns.AliasRecords
                ? new BudgetTerm("DNS TTL (alias to load balancer)", AwsLimits.AliasToLoadBalancerTtl.Seconds, AwsLimits.AliasToLoadBalancerTtl.Source, true)
                : new BudgetTerm("DNS TTL", dns.RecordTtlSeconds, "record TTL from config"),
        };
        terms.AddRange(trigger ?? []);
        if (steps.Count > 0)
        {
            var slowest = steps.MaxBy(s => s.Fact.Seconds)!;
            terms.Add(new BudgetTerm($"slowest dependent step: {slowest.Name}", slowest.Fact.Seconds, slowest.Fact.Source, slowest.Fact.Estimate));
        }
        return new Budget(terms);
    }

    /// <summary>
    /// The health-check interval to choose when the config lets the program choose: 30 s (cheaper) when it
    /// keeps the promise, else 10 s; null when neither does.
    /// </summary>
    public static int? ChooseInterval(int promisedSeconds, int failureThreshold, bool alias, int ttl, IReadOnlyList<DependentStep> steps,
        IReadOnlyList<BudgetTerm>? trigger = null)
    {
        foreach (var interval in new[] { 30, 10 })
            if (Compute(new DnsFailoverSettings(interval, failureThreshold, alias, ttl), steps, trigger).TotalSeconds <= promisedSeconds)
                return interval;
        return null;
    }
}
