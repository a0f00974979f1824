namespace Dashboard.Aws.Tests.Client;

public sealed class AwsOptionsValidatorTests
{
    private static AwsOptions Valid() => new()
    {
        Accounts = [new AwsAccountOptions { AccountId = "123456789012", Name = "prod" }],
        Regions = ["eu-west-1", "us-gov-west-1"],
    };

    [Fact]
    public void Validate_TypicalConfiguration_Succeeds()
    {
        // Act
        var result = new AwsOptionsValidator().Validate(null, Valid());

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NothingConfigured_Succeeds()
    {
        // Act: verbs that never call AWS start with an empty section.
        var result = new AwsOptionsValidator().Validate(null, new AwsOptions());

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    public static TheoryData<string, string> Problems() => new()
    {
        { "account-short", "Aws:Accounts:0:AccountId must be 12 digits" },
        { "account-duplicate", "Aws:Accounts:1:AccountId 123456789012 is listed twice" },
        { "rolearn-bad", "Aws:Accounts:0:RoleArn must look like arn:aws:iam::123456789012:role/RoleName" },
        { "rolearn-other-account", "Aws:Accounts:0:RoleArn is in account 999999999999" },
        { "region-bad", "Aws:Regions:1 must be a Region code" },
        { "aggregation-bad", "Aws:AggregationRegion must be a Region code" },
        { "no-region", "Aws:Regions must list at least one Region" },
        { "rolename-bad", "Aws:RoleName must be an IAM role name" },
        { "session-bad", "Aws:RoleSessionName must be 2-64 characters" },
        { "externalid-bad", "Aws:ExternalId must be 2-1224 characters" },
        { "url-bad", "Aws:ServiceUrls:SecurityHub must be an absolute http(s) URL" },
        { "concurrency", "Aws:MaxConcurrency must be between 1 and 64" },
        { "rate", "Aws:FindingsRequestsPerSecond must be above 0" },
        { "burst", "Aws:FindingsBurst must be between 1 and 1000" },
        { "retries", "Aws:MaxErrorRetry must be between 0 and 20" },
        { "demo-half", "Aws:DemoAccessKeyId and Aws:DemoSecretAccessKey must be set together" },
        { "demo-remote", "Aws:ServiceUrls:Sts must point at the local stand-in" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Validate_Problem_NamesTheKeyToFix(string problem, string expected)
    {
        // Arrange
        var options = Valid();
        switch (problem)
        {
            case "account-short": options.Accounts[0].AccountId = "12345"; break;
            case "account-duplicate": options.Accounts.Add(new AwsAccountOptions { AccountId = "123456789012" }); break;
            case "rolearn-bad": options.Accounts[0].RoleArn = "role/Audit"; break;
            case "rolearn-other-account": options.Accounts[0].RoleArn = "arn:aws:iam::999999999999:role/Audit"; break;
            case "region-bad": options.Regions[1] = "Ireland"; break;
            case "aggregation-bad": options.AggregationRegion = "EU"; break;
            case "no-region": options.Regions.Clear(); break;
            case "rolename-bad": options.RoleName = "bad role name"; break;
            case "session-bad": options.RoleSessionName = "x"; break;
            case "externalid-bad": options.ExternalId = "a b"; break;
            case "url-bad": options.ServiceUrls.SecurityHub = "localhost:5000"; break;
            case "concurrency": options.MaxConcurrency = 0; break;
            case "rate": options.FindingsRequestsPerSecond = 0; break;
            case "burst": options.FindingsBurst = 0; break;
            case "retries": options.MaxErrorRetry = -1; break;
            case "demo-half": options.DemoAccessKeyId = "AKIADEMO"; break;
            case "demo-remote":
                options.DemoAccessKeyId = "AKIADEMO";
                options.DemoSecretAccessKey = "secret";
                options.ServiceUrls = new AwsServiceUrls { SecurityHub = "http://127.0.0.1:5000", Sts = "https://sts.eu-west-1.amazonaws.com", Iam = "http://127.0.0.1:5000", Organizations = "http://127.0.0.1:5000" };
                break;
        }

        // Act
        var result = new AwsOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        // Arrange
        var options = Valid();
        options.Accounts[0].AccountId = "abc";
        options.MaxConcurrency = 100;

        // Act
        var result = new AwsOptionsValidator().Validate(null, options);

        // Assert
        Assert.Equal(2, result.Failures!.Count());
    }
}
