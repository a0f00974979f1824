using Amazon.Runtime;
using Dashboard.Aws.Credentials;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Tests.Client;

public sealed class AccountCredentialsProviderTests
{
    private const string AmbientAccount = "111111111111";
    private const string MemberAccount = "222222222222";
    private static readonly DateTimeOffset Start = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAsync_AmbientAccount_ReturnsAmbientCredentialsWithoutAssumeRole()
    {
        // Arrange
        var sts = new FakeSts();
        var provider = NewProvider(sts, new AwsOptions { Regions = ["eu-west-1"] });

        // Act
        var credentials = await provider.GetAsync(AmbientAccount, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("AKIDAMBIENT", credentials.AccessKey);
        Assert.Empty(sts.AssumedRoles);
        Assert.Equal(1, sts.CallerIdentityCalls);
    }

    [Fact]
    public async Task GetAsync_MemberAccount_AssumesTheConfiguredRoleWithExternalId()
    {
        // Arrange
        var sts = new FakeSts();
        var provider = NewProvider(sts, new AwsOptions { Regions = ["eu-west-1"], ExternalId = "ext-42", RoleSessionName = "audit-run" });

        // Act
        var credentials = await provider.GetAsync(MemberAccount, TestContext.Current.CancellationToken);

        // Assert
        var call = Assert.Single(sts.AssumedRoles);
        Assert.Equal(("arn:aws:iam::222222222222:role/SecurityDashboardReadOnly", "audit-run", "ext-42"), call);
        Assert.Equal("ASIA1", credentials.AccessKey);
        Assert.Equal("token-1", credentials.Token);
    }

    [Fact]
    public async Task GetAsync_AccountWithRoleArn_AssumesThatRole()
    {
        // Arrange
        var sts = new FakeSts();
        var provider = NewProvider(sts, new AwsOptions
        {
            Regions = ["cn-north-1"],
            Accounts = [new AwsAccountOptions { AccountId = MemberAccount, RoleArn = "arn:aws-cn:iam::222222222222:role/custom/Reader" }],
        });

        // Act
        await provider.GetAsync(MemberAccount, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("arn:aws-cn:iam::222222222222:role/custom/Reader", Assert.Single(sts.AssumedRoles).RoleArn);
    }

    [Fact]
    public async Task GetAsync_SessionStillFresh_ReusesTheCachedSession()
    {
        // Arrange
        var sts = new FakeSts();
        var time = new ManualTimeProvider(Start);
        var provider = NewProvider(sts, new AwsOptions { Regions = ["eu-west-1"] }, time);
        await provider.GetAsync(MemberAccount, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(54));

        // Act
        var credentials = await provider.GetAsync(MemberAccount, TestContext.Current.CancellationToken);

        // Assert
        Assert.Single(sts.AssumedRoles);
        Assert.Equal("ASIA1", credentials.AccessKey);
    }

    [Fact]
    public async Task GetAsync_WithinFiveMinutesOfExpiry_AssumesTheRoleAgain()
    {
        // Arrange
        var sts = new FakeSts();
        var time = new ManualTimeProvider(Start);
        var provider = NewProvider(sts, new AwsOptions { Regions = ["eu-west-1"] }, time);
        await provider.GetAsync(MemberAccount, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(56));

        // Act
        var credentials = await provider.GetAsync(MemberAccount, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, sts.AssumedRoles.Count);
        Assert.Equal("ASIA2", credentials.AccessKey);
    }

    [Fact]
    public async Task GetAsync_ManyConcurrentCallers_AssumeRoleOnlyOnce()
    {
        // Arrange
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sts = new FakeSts { BeforeAssume = gate.Task };
        var provider = NewProvider(sts, new AwsOptions { Regions = ["eu-west-1"] });
        var calls = Enumerable.Range(0, 20).Select(_ => provider.GetAsync(MemberAccount, TestContext.Current.CancellationToken)).ToList();

        // Act
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        // Assert
        Assert.Single(sts.AssumedRoles);
        Assert.All(results, r => Assert.Equal("ASIA1", r.AccessKey));
    }

    [Fact]
    public async Task GetAsync_ReadAmbientDirectlyOff_AssumesRoleEvenInTheAmbientAccount()
    {
        // Arrange
        var sts = new FakeSts();
        var provider = NewProvider(sts, new AwsOptions { Regions = ["eu-west-1"], ReadAmbientAccountDirectly = false });

        // Act
        await provider.GetAsync(AmbientAccount, TestContext.Current.CancellationToken);

        // Assert
        Assert.Single(sts.AssumedRoles);
        Assert.Equal(0, sts.CallerIdentityCalls);
    }

    [Fact]
    public async Task GetAsync_AssumeRoleDenied_PropagatesTheAwsError()
    {
        // Arrange
        var sts = new FakeSts { AssumeError = new AmazonServiceException("not authorized to perform sts:AssumeRole", ErrorType.Sender, "AccessDenied", "req-1", System.Net.HttpStatusCode.Forbidden) };
        var provider = NewProvider(sts, new AwsOptions { Regions = ["eu-west-1"] });

        // Act
        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => provider.GetAsync(MemberAccount, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345678901")]
    [InlineData("12345678901a")]
    public async Task GetAsync_NotAnAccountId_ThrowsArgumentException(string accountId)
    {
        // Arrange
        var provider = NewProvider(new FakeSts(), new AwsOptions { Regions = ["eu-west-1"] });

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => provider.GetAsync(accountId, TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("12 digits", error.Message);
    }

    private static AccountCredentialsProvider NewProvider(FakeSts sts, AwsOptions options, TimeProvider? time = null) =>
        new(sts, new StaticAmbientCredentials(new BasicAWSCredentials("AKIDAMBIENT", "ambient-secret")), Options.Create(options),
            time ?? new ManualTimeProvider(Start), NullLogger<AccountCredentialsProvider>.Instance);

    private sealed class FakeSts : IStsGateway
    {
        private int _issued;

        public List<(string RoleArn, string SessionName, string? ExternalId)> AssumedRoles { get; } = [];
        public int CallerIdentityCalls { get; private set; }
        public Task BeforeAssume { get; init; } = Task.CompletedTask;
        public Exception? AssumeError { get; init; }

        public async Task<SessionCredentials> AssumeRoleAsync(string roleArn, string roleSessionName, string? externalId, CancellationToken cancellationToken)
        {
            await BeforeAssume;
            if (AssumeError is not null) throw AssumeError;
            lock (AssumedRoles) AssumedRoles.Add((roleArn, roleSessionName, externalId));
            var n = Interlocked.Increment(ref _issued);
            return new SessionCredentials($"ASIA{n}", $"secret-{n}", $"token-{n}", Start.AddHours(n));
        }

        public Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
        {
            CallerIdentityCalls++;
            return Task.FromResult(new CallerIdentity(AmbientAccount, $"arn:aws:iam::{AmbientAccount}:user/ci", "AIDA"));
        }
    }
}
