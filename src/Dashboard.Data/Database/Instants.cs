namespace Dashboard.Data.Database;

/// <summary>Instants are stored as UTC ticks: SQLite cannot order or compare DateTimeOffset.</summary>
internal static class Instants
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static long? ToTicks(DateTimeOffset? value) => value?.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? FromTicks(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
