namespace MultiRegion.Infra.Model.Loading;

/// <summary>
/// How messages quote what the user wrote: at most <see cref="MaxChars"/> characters, control characters made visible,
/// so a megabyte-long value or a binary blob is shown as its start and its length, not repeated in full.
/// </summary>
public static class Echo
{
    public const int MaxChars = 200;

    public static string Of(string? value)
    {
        if (value is null) return "";
        var shown = value.Length > MaxChars ? value[..MaxChars] : value;
        if (shown.Any(char.IsControl))
            shown = string.Concat(shown.Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:x4}" : ch.ToString()));
        return value.Length > MaxChars ? $"{shown}... ({value.Length:N0} characters)" : shown;
    }
}
