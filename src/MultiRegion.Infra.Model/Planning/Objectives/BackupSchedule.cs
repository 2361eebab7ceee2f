using System.Globalization;
using System.Text.RegularExpressions;

namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>The time between two runs of an AWS Backup schedule expression: what a backup-based restore can lose.</summary>
public static partial class BackupSchedule
{
    [GeneratedRegex(@"^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$")]
    private static partial Regex Rate();

    [GeneratedRegex(@"^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$")]
    private static partial Regex Cron();

    /// <summary>Seconds between runs; null when the expression is not one this reads (then it says so).</summary>
    public static double? IntervalSeconds(string expression)
    {
        if (Rate().Match(expression) is { Success: true } rate)
        {
            var n = double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture); // double: a huge count must not overflow
            return n * (rate.Groups[2].Value.StartsWith("minute", StringComparison.Ordinal) ? 60 : rate.Groups[2].Value.StartsWith("hour", StringComparison.Ordinal) ? 3600 : 86400);
        }
        if (Cron().Match(expression) is not { Success: true } cron)
            return null;
        var (minutes, hours, dayOfMonth, dayOfWeek) = (cron.Groups[1].Value, cron.Groups[2].Value, cron.Groups[3].Value, cron.Groups[5].Value);
        if (minutes == "*") return 60;
        if (Step(minutes) is { } everyMinutes) return everyMinutes * 60;
        if (hours == "*") return 3600;
        if (Step(hours) is { } everyHours) return everyHours * 3600;
        if (hours.Contains(',')) return 24.0 / hours.Split(',').Length * 3600; // several times a day: the average gap
        var daily = dayOfMonth is "*" or "?" && dayOfWeek is "*" or "?";
        if (daily) return 86400;
        if (dayOfMonth is "?" or "*") return 7 * 86400 / Math.Max(1, dayOfWeek.Split(',').Length); // some days of the week
        return 31 * 86400; // monthly (worst month)
    }

    private static double? Step(string field) =>
        (field.StartsWith("*/", StringComparison.Ordinal) || field.StartsWith("0/", StringComparison.Ordinal))
        && double.TryParse(field[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            ? step
            : null;
}
