using Dashboard.Data.Settings;

namespace Dashboard.Data.Tests.Settings;

public sealed class SyncScheduleRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 8, 7, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*/30 * * * *")]
    [InlineData("0 2 * * 1-5")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 0 29 2 *")]
    public void Validate_UsableOrEmpty_IsAccepted(string schedule)
        => Assert.Null(SyncScheduleRules.Validate(schedule, Now));

    [Theory]
    [InlineData("not a cron", "is not a cron expression")]
    [InlineData("0 0 * * * *", "is not a cron expression")]
    [InlineData("*/2 * * * *", "more often than every 5 minutes")]
    [InlineData("0,1 3 * * 1", "more often than every 5 minutes")]
    [InlineData("0 0 31 4 *", "never runs")]
    public void Validate_Unusable_NamesTheProblem(string schedule, string expected)
        => Assert.Contains(expected, SyncScheduleRules.Validate(schedule, Now));

    [Fact]
    public void Validate_TooLong_IsRefusedBeforeParsing()
        => Assert.Contains("at most 100", SyncScheduleRules.Validate(new string('1', 101), Now));

    [Fact]
    public void NextOccurrences_Schedule_ReturnsTheNextRunsInUtc()
    {
        var next = SyncScheduleRules.NextOccurrences("*/30 * * * *", Now, 3);

        Assert.Equal(
            [new DateTimeOffset(2025, 5, 1, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2025, 5, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 5, 1, 9, 30, 0, TimeSpan.Zero)],
            next);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad")]
    public void NextOccurrences_EmptyOrInvalid_IsEmpty(string schedule)
        => Assert.Empty(SyncScheduleRules.NextOccurrences(schedule, Now, 3));

    [Fact]
    public void Normalize_Whitespace_IsCollapsed()
        => Assert.Equal("0 */6 * * *", SyncScheduleRules.Normalize("\t0  */6\r\n* * *  "));
}
