namespace Dashboard.Core.Iam.Inventory.CredentialReport;

/// <summary>A parsed credential report: when IAM generated it and its rows (rows that could not be read are in <see cref="Problems"/>).</summary>
public sealed record IamCredentialReport(DateTimeOffset? GeneratedTime, IReadOnlyList<CredentialReportRow> Rows, IReadOnlyList<string> Problems)
{
    /// <summary>The root user's row, when the report has one (IAM always includes it).</summary>
    public CredentialReportRow? Root => Rows.FirstOrDefault(r => r.IsRoot);

    /// <summary>The row of a user by ARN.</summary>
    public CredentialReportRow? FindByArn(string arn) => Rows.FirstOrDefault(r => string.Equals(r.Arn, arn, StringComparison.Ordinal));
}
