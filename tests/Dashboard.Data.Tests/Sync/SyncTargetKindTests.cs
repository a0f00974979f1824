using Dashboard.Core.Sync;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.Sync;

public sealed class SyncTargetKindTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordTargetAsync_EachKind_IsReadBack()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var id = await db.Runs.StartRunAsync("manual", T0, Ct);
        SyncTargetResult Target(string kind, string region, int minute) => new()
        {
            AccountId = "111111111111",
            Region = region,
            Kind = kind,
            Status = SyncTargetStatus.Succeeded,
            StartedAt = T0.AddMinutes(minute),
            FinishedAt = T0.AddMinutes(minute + 1),
        };

        // Act
        await db.Runs.RecordTargetAsync(id, Target(SyncTargetKinds.Findings, "eu-west-1", 0), Ct);
        await db.Runs.RecordTargetAsync(id, Target(SyncTargetKinds.Iam, SyncTargetKinds.GlobalRegion, 1), Ct);
        await db.Runs.RecordTargetAsync(id, Target(SyncTargetKinds.Organization, SyncTargetKinds.GlobalRegion, 2), Ct);
        var run = await db.Runs.GetRunAsync(id, Ct);

        // Assert
        Assert.Equal(
            [SyncTargetKinds.Findings, SyncTargetKinds.Iam, SyncTargetKinds.Organization],
            run!.Targets.Select(t => t.Kind));
    }
}
