using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>
/// Settles the settings a config leaves to the program so that its objectives hold, then checks every
/// objective against the settings that will be deployed. Run once by the loader, after validation.
/// </summary>
public static class ObjectivePlanner
{
    public static StackConfig Resolve(StackConfig c)
    {
        var choices = new List<ObjectiveChoice>();
        c = ChooseHealthCheckInterval(c, choices);
        c = ChooseReplicationTimeControl(c, choices);
        var results = c.Objectives is { } o && c.Edge is not null
            ? ObjectiveChecker.Check(o, ObjectiveInputsBuilder.From(c))
            : [];
        // Spending promises, against the cost estimate of the settings just settled.
        results = [.. results, .. Cost.BudgetObjective.Check(c)];
        // The seed's RTO/RPO matrix (recovery.scenarios), held to the same standard: a promise the plan cannot keep is refused.
        results = [.. results, .. Recovery.DrPlanner.Check(c)];
        return c with { Choices = choices, ObjectiveResults = results };
    }

    private static StackConfig ChooseHealthCheckInterval(StackConfig c, List<ObjectiveChoice> choices)
    {
        if (c.Edge is not { HealthCheck.IntervalSeconds: null })
            return c;
        int chosen;
        string reason;
        if (c.Objectives is { } o)
        {
            var promised = o.RegionFailover.RtoSeconds;
            var inputs = ObjectiveInputsBuilder.From(WithInterval(c, 30));
            var (dns, steps, trigger) = (inputs.Dns, inputs.FailoverSteps, inputs.TriggerTerms);
            // When neither interval keeps the promise, take the faster one: the objective check then refuses with the arithmetic.
            chosen = RtoBudget.ChooseInterval(promised, dns.FailureThreshold, dns.AliasRecords, dns.RecordTtlSeconds, steps, trigger) ?? 10;
            var standard = RtoBudget.Compute(dns, steps, trigger);
            reason = chosen == 30
                ? $"the standard interval keeps objectives.regionFailover.rtoSeconds ({promised} s): {standard.Arithmetic}"
                : $"30 s would miss objectives.regionFailover.rtoSeconds ({promised} s): {standard.Arithmetic}; 10 s gives {RtoBudget.Compute(dns with { IntervalSeconds = 10 }, steps, trigger).Arithmetic}";
        }
        else
        {
            chosen = 30;
            reason = "no RTO objective: Route53's standard (cheaper) interval";
        }
        choices.Add(new ObjectiveChoice("edge.healthCheck.intervalSeconds", $"{chosen} s", reason));
        return WithInterval(c, chosen);
    }

    private static StackConfig WithInterval(StackConfig c, int interval) =>
        c with { Edge = c.Edge! with { HealthCheck = c.Edge.HealthCheck with { IntervalSeconds = interval } } };

    /// <summary>A replicated bucket whose RPO the config leaves open gets RTC when an objective needs a bound (15 min).</summary>
    private static StackConfig ChooseReplicationTimeControl(StackConfig c, List<ObjectiveChoice> choices)
    {
        if (c.Objectives?.Stores is not { } stores || c.Data is not { Buckets: { } buckets } data)
            return c;
        var updated = new Dictionary<string, BucketConfig>(buckets, StringComparer.Ordinal);
        for (var i = 0; i < stores.Count; i++)
        {
            var s = stores[i];
            if (!s.Store.StartsWith(ObjectiveInputsBuilder.BucketPrefix, StringComparison.Ordinal)) continue;
            var name = s.Store[ObjectiveInputsBuilder.BucketPrefix.Length..];
            if (!updated.TryGetValue(name, out var bucket) || bucket.RpoMinutes is not null || bucket.EffectiveReplicas.Count == 0) continue;
            if (s.RpoSeconds < BucketConfig.ReplicationTimeControlMinutes * 60) continue; // RTC cannot keep it either: the check says so
            updated[name] = bucket with { RpoMinutes = BucketConfig.ReplicationTimeControlMinutes };
            choices.Add(new ObjectiveChoice($"data.buckets.{name}.rpoMinutes", "15 (Replication Time Control on)",
                $"objectives.stores[{i}] ({s.Name}) promises {s.RpoSeconds} s for {s.Store}; without Replication Time Control S3 replication has no time bound"));
        }
        return c with { Data = data with { Buckets = updated } };
    }
}
