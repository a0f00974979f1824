using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Dashboard.Browser.Tests.OidcProvider;

/// <summary>
/// The npm <c>oidc-provider</c> set up like a Cognito user pool (cognito-like-provider.mjs), run by
/// node on 127.0.0.1 at a free port. Its client's callback URLs are given after start
/// (<see cref="RegisterClientAsync"/>) because they contain the dashboard's port.
/// </summary>
public sealed class OidcProviderProcess : IAsyncDisposable
{
    private const string ScriptName = "cognito-like-provider.mjs";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<string> _stdout;
    private readonly StringBuilder _stderr = new();

    private OidcProviderProcess(Process process, Channel<string> stdout)
    {
        _process = process;
        _stdout = stdout;
    }

    /// <summary>The provider's issuer, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>
    /// Why the provider cannot run here, or null when it can. Missing node or node_modules is a reason
    /// to skip on a developer's machine; on CI (env CI set) it is an error, so a green run proves it ran.
    /// </summary>
    public static string? CannotRunReason()
    {
        var reason = MissingPrerequisite();
        if (reason is not null && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            throw new InvalidOperationException($"{reason} (CI is set, so this is a failure, not a skip).");
        return reason;
    }

    public static async Task<OidcProviderProcess> StartAsync(string clientId, string? clientSecret, CancellationToken ct)
    {
        var node = FindNode() ?? throw new InvalidOperationException(MissingPrerequisite());
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = ScriptDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptName);
        start.Environment["OIDC_CLIENT_ID"] = clientId;
        start.Environment["OIDC_CLIENT_SECRET"] = clientSecret ?? "";
        start.Environment["OIDC_PORT"] = "0";
        // Bounded lifetime: the provider stops by itself even if this process dies without disposing it.
        start.Environment["OIDC_MAX_SECONDS"] = "600";
        // Callback URLs come over stdin, never from a variable inherited from the caller's shell.
        start.Environment.Remove("OIDC_REDIRECT_URI");
        start.Environment.Remove("OIDC_LOGOUT_URI");

        var stdout = Channel.CreateUnbounded<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var provider = new OidcProviderProcess(process, stdout);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) stdout.Writer.TryComplete();
            else stdout.Writer.TryWrite(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (provider._stderr) provider._stderr.AppendLine(e.Data);
        };
        if (!process.Start()) throw new InvalidOperationException($"Could not start {node} {ScriptName}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var listening = await provider.WaitForLineAsync(line => line.StartsWith("listening ", StringComparison.Ordinal), ct);
            provider.Issuer = listening["listening ".Length..].Trim().TrimEnd('/');
            if (!Uri.TryCreate(provider.Issuer, UriKind.Absolute, out var issuer) || !issuer.IsLoopback)
                throw new InvalidOperationException($"The provider announced an unexpected address: {listening}");
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>Gives the app client its callback and sign-out URLs, then waits until the provider answers.</summary>
    public async Task RegisterClientAsync(Uri redirectUri, Uri logoutUri, CancellationToken ct)
    {
        var line = JsonSerializer.Serialize(new { redirectUri = redirectUri.AbsoluteUri, logoutUri = logoutUri.AbsoluteUri });
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), ct);
        await _process.StandardInput.FlushAsync(ct);
        await WaitForLineAsync(l => l == "ready", ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Closing stdin is the provider's signal to exit; kill the tree if it does not.
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        _process.Dispose();
    }

    private async Task<string> WaitForLineAsync(Func<string, bool> isWanted, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await foreach (var line in _stdout.Reader.ReadAllAsync(timeout.Token))
                if (isWanted(line)) return line;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The OpenID provider did not get ready within {StartTimeout.TotalSeconds} s. Its stderr:\n{Stderr()}");
        }
        // stdout closed: node exited (bad configuration, missing module...).
        await _process.WaitForExitAsync(ct);
        throw new InvalidOperationException($"The OpenID provider exited with code {_process.ExitCode}. Its stderr:\n{Stderr()}");
    }

    private string Stderr()
    {
        lock (_stderr) return _stderr.ToString();
    }

    /// <summary>tests/Dashboard.Browser.Tests/OidcProvider in the source tree (recorded at build time).</summary>
    public static string ScriptDirectory { get; } =
        typeof(OidcProviderProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "OidcProviderDirectory")?.Value
        ?? throw new InvalidOperationException("The test assembly lacks its OidcProviderDirectory metadata (see the csproj).");

    private static string? MissingPrerequisite()
    {
        if (!File.Exists(Path.Combine(ScriptDirectory, ScriptName)))
            return $"The OpenID provider script is missing: {Path.Combine(ScriptDirectory, ScriptName)}.";
        if (FindNode() is null)
            return "Node.js (node) is not on PATH: the third-party sign-in test needs it (apt-get install nodejs npm; bash .ci/run does).";
        if (!File.Exists(Path.Combine(ScriptDirectory, "node_modules", "oidc-provider", "package.json")))
            return $"oidc-provider is not installed: run `npm ci --prefix {ScriptDirectory}` (bash .ci/run does).";
        return null;
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
}
