using System.CommandLine;

namespace Dashboard.Web.Cli;

/// <summary><c>iam can</c> and <c>iam risks</c>: the IAM analysis over the cache, for automation and offline use.</summary>
internal static class IamCommand
{
    public const int ExitAllowed = 0, ExitDenied = 1, ExitDependsOnCondition = 2, ExitError = CliCache.ExitError;

    public const string NoDataHint = "run a sync or `import iam ACCOUNT FILE` first.";

    public static Command Create()
    {
        var iam = new Command("iam", "Query the cached IAM data of an account (sync it or `import iam` first).");
        iam.Subcommands.Add(IamCanCommand.Create());
        iam.Subcommands.Add(IamRisksCommand.Create());
        return iam;
    }
}
