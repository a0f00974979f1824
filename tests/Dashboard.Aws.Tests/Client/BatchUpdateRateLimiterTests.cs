using Dashboard.Aws.SecurityHub;

namespace Dashboard.Aws.Tests.Client;

public sealed class BatchUpdateRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_BeyondTheBurst_WaitsForATokenUntilCancelled()
    {
        // Arrange: a bucket that refills once every 100 s, so nothing refills while the test runs.
        using var limiter = new BatchUpdateRateLimiter(requestsPerSecond: 0.01, burst: 3);
        for (var i = 0; i < 3; i++) await limiter.WaitAsync("111111111111", "eu-west-1", TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();

        // Act
        var fourth = limiter.WaitAsync("111111111111", "eu-west-1", cts.Token).AsTask();
        var otherRegion = limiter.WaitAsync("111111111111", "us-east-1", TestContext.Current.CancellationToken);
        var pendingBeforeCancel = !fourth.IsCompleted;
        await cts.CancelAsync();

        // Assert
        Assert.True(pendingBeforeCancel);
        Assert.True(otherRegion.IsCompletedSuccessfully);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fourth);
    }
}
