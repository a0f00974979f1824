namespace Dashboard.Web.Sync;

/// <summary>SQLite has one writer: work items read AWS concurrently but store one at a time.</summary>
public sealed class CacheWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task WriteAsync(Func<Task> write, CancellationToken ct)
        => WriteAsync(async () =>
        {
            await write();
            return true;
        }, ct);

    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            _gate.Release();
        }
    }
}
