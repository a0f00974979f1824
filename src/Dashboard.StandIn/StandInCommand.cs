using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Dashboard.StandIn;

/// <summary>The web app's <c>standin</c> verb: run a stand-in until cancelled, printing where it listens.</summary>
public static class StandInCommand
{
    public const string Usage =
        "standin [--port N] [--seed N] [--accounts N] [--regions r1,r2] [--findings N] [--file PATH]... [--external-id ID] [--rate-limit]";

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (Ctrl+C in the host).</summary>
    public static async Task RunAsync(StandInOptions options, CancellationToken cancellationToken, TextWriter? output = null, ILoggerFactory? loggerFactory = null)
    {
        output ??= Console.Out;
        await using var server = await StandInServer.StartAsync(options, loggerFactory, cancellationToken);
        var data = server.Data;
        await output.WriteLineAsync($"AWS stand-in listening on {server.BaseUrl}");
        await output.WriteLineAsync($"  organization {data.Organization.Id}, management account {data.Organization.ManagementAccountId}, {data.Organization.Accounts.Count} accounts");
        await output.WriteLineAsync($"  Regions {string.Join(", ", data.Regions)}; {data.Count} findings (seed {data.Seed})");
        await output.WriteLineAsync($"  point every AWS client's ServiceURL at {server.BaseUrl}; any access key acts as the management account");
        await output.WriteLineAsync($"  faults: POST {server.BaseUrl}_standin/faults {{\"throttleNext\": 2}}; press Ctrl+C to stop");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how the verb ends.
        }
    }

    /// <summary>Reads the verb's arguments; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static StandInOptions ParseArgs(IReadOnlyList<string> args, StandInOptions? defaults = null)
    {
        var options = defaults ?? new StandInOptions();
        var files = new List<string>(options.FindingFiles);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value. Usage: {Usage}");
            int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new ArgumentException($"{name} needs a whole number, got '{args[i]}'.");

            switch (name)
            {
                case "--port": options.Port = Number(); break;
                case "--seed": options.Seed = Number(); break;
                case "--accounts": options.Accounts = Number(); break;
                case "--findings": options.Findings = Number(); break;
                case "--regions": options.Regions = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--file": files.Add(Value()); break;
                case "--external-id": options.RequiredExternalId = Value(); break;
                case "--rate-limit": options.EnforceRateLimit = true; break;
                default: throw new ArgumentException($"Unknown option '{name}'. Usage: {Usage}");
            }
        }

        options.FindingFiles = [.. files];
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }

        return options;
    }
}
