using System.Text;
using Dashboard.StandIn;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Aws.Tests.StandIn;

public sealed class StandInCommandTests
{
    [Fact]
    public void ParseArgs_EveryOption_SetsIt()
    {
        var file = SharedData.Path("data", "asff", "prowler-docs", "prowler-json-asff-example-01.json");

        var options = StandInCommand.ParseArgs(["--port", "0", "--seed", "9", "--accounts", "4", "--regions", "us-east-1,eu-central-1", "--findings", "1000000", "--file", file, "--external-id", "xid-123", "--rate-limit"]);

        Assert.Equal(9, options.Seed);
        Assert.Equal(4, options.Accounts);
        Assert.Equal(["us-east-1", "eu-central-1"], options.Regions);
        Assert.Equal(1_000_000, options.Findings);
        Assert.Equal([file], options.FindingFiles);
        Assert.Equal("xid-123", options.RequiredExternalId);
        Assert.True(options.EnforceRateLimit);
    }

    [Fact]
    public void Options_BoundFromConfiguration_ReplaceTheDefaultRegions()
    {
        // Binding appends to an array that already has items; the defaults must not be in the array.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["StandIn:Regions:0"] = "eu-central-1", ["StandIn:Findings"] = "25" })
            .Build();
        var options = new StandInOptions();

        configuration.GetSection(StandInOptions.SectionName).Bind(options);

        Assert.Equal(["eu-central-1"], options.EffectiveRegions);
        Assert.Equal(25, options.Findings);
        Assert.Equal(StandInOptions.DefaultRegions, new StandInOptions().EffectiveRegions);
    }

    [Theory]
    [InlineData(new[] { "--colour", "red" }, "--colour")]
    [InlineData(new[] { "--findings", "many" }, "--findings")]
    [InlineData(new[] { "--seed" }, "--seed needs a value")]
    [InlineData(new[] { "--regions", "mars-1" }, "StandIn:Regions")]
    [InlineData(new[] { "--accounts", "0" }, "StandIn:Accounts")]
    public void ParseArgs_BadArguments_ThrowsNamingTheProblem(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => StandInCommand.ParseArgs(args));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UntilCancelled_PrintsTheUrlAndStops()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(StandInClient.Ct);
        var output = new CancelOnFirstLineWriter(cancellation);

        await StandInCommand.RunAsync(StandInFixture.Options(findings: 10), cancellation.Token, output);

        Assert.Matches(@"AWS stand-in listening on http://127\.0\.0\.1:\d+/", output.ToString());
        Assert.Contains("management account", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Asks the command to stop as soon as it has printed where it listens.</summary>
    private sealed class CancelOnFirstLineWriter(CancellationTokenSource cancellation) : StringWriter(new StringBuilder())
    {
        public override Task WriteLineAsync(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains("Ctrl+C", StringComparison.Ordinal) == true)
            {
                cancellation.Cancel();
            }

            return Task.CompletedTask;
        }
    }
}
