namespace MultiRegion.Infra.Model.Lifecycle;

/// <summary>Where a retirement date stands on a given day.</summary>
public enum LifecycleStatus
{
    /// <summary>More than <see cref="LifecycleDates.WarningDays"/> days away (or no date announced).</summary>
    Current,

    /// <summary>Within <see cref="LifecycleDates.WarningDays"/> days: still accepted, but the config should move.</summary>
    Soon,

    /// <summary>On or past the date: AWS refuses it.</summary>
    Refused,
}

/// <summary>The date arithmetic every lifecycle rule shares (pure, so tests inject the day).</summary>
public static class LifecycleDates
{
    /// <summary>How far ahead a retirement date turns into a warning (style notes: "a retirement date within 90 days").</summary>
    public const int WarningDays = 90;

    /// <summary>Today's date in UTC: the default "run's date" of a load or a synthesis.</summary>
    public static DateOnly TodayUtc() => DateOnly.FromDateTime(DateTime.UtcNow);

    public static LifecycleStatus StatusOf(DateOnly? refusedFrom, DateOnly today) =>
        refusedFrom is not { } d ? LifecycleStatus.Current
        : today >= d ? LifecycleStatus.Refused
        : today.AddDays(WarningDays) >= d ? LifecycleStatus.Soon
        : LifecycleStatus.Current;

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
