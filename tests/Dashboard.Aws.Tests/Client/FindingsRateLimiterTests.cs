using Dashboard.Aws.SecurityHub;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Tests.Client;

public sealed class FindingsRateLimiterTests
{
    // A bucket that refills once every 100 s: nothing refills while the test runs.
    private static FindingsRateLimiter NewLimiter(int burst) =>
        new(Options.Create(new AwsOptions { FindingsRequestsPerSecond = 0.01, FindingsBurst = burst }));

    [Fact]
    public async Task WaitAsync_BeyondTheBurst_WaitsForATokenUntilCancelled()
    {
        // Arrange
        using var limiter = NewLimiter(burst: 2);
        await limiter.WaitAsync("111111111111", "eu-west-1", TestContext.Current.CancellationToken);
        await limiter.WaitAsync("111111111111", "eu-west-1", TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();

        // Act
        var third = limiter.WaitAsync("111111111111", "eu-west-1", cts.Token).AsTask();
        var pendingBeforeCancel = !third.IsCompleted;
        await cts.CancelAsync();

        // Assert
        Assert.True(pendingBeforeCancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Fact]
    public async Task WaitAsync_OtherAccountOrRegion_HasItsOwnBucket()
    {
        // Arrange
        using var limiter = NewLimiter(burst: 1);
        await limiter.WaitAsync("111111111111", "eu-west-1", TestContext.Current.CancellationToken);

        // Act
        var otherRegion = limiter.WaitAsync("111111111111", "us-east-1", TestContext.Current.CancellationToken);
        var otherAccount = limiter.WaitAsync("222222222222", "eu-west-1", TestContext.Current.CancellationToken);

        // Assert
        Assert.True(otherRegion.IsCompletedSuccessfully);
        Assert.True(otherAccount.IsCompletedSuccessfully);
        await otherRegion;
        await otherAccount;
    }
}
