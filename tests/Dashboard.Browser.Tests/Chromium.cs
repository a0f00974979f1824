using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>Debian's Chromium, started the way this machine allows (no downloads, no background networking).</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ExecutablePath}: apt-get install chromium (bash .ci/run does).");
        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        };
    }
}
