namespace Dashboard.Aws.SecurityHub;

/// <summary>
/// A BatchUpdateFindings call of more than 100 findings failed after some of its chunks were already
/// applied in AWS: <see cref="Completed"/> holds what those chunks reported, the inner exception the failure.
/// </summary>
public sealed class BatchUpdateFindingsException(BatchUpdateFindingsResult completed, int notSent, Exception innerException)
    : Exception($"BatchUpdateFindings failed after {completed.Processed.Count + completed.Unprocessed.Count} findings were sent; {notSent} were not updated: {innerException.Message}", innerException)
{
    /// <summary>The chunks that went through before the failure.</summary>
    public BatchUpdateFindingsResult Completed { get; } = completed;

    /// <summary>Findings of the failed chunk and those after it.</summary>
    public int NotSent { get; } = notSent;
}
