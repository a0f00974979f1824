namespace Dashboard.Web.Tests.Integration;

/// <summary>A fresh cache folder per test, deleted afterwards.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));

    public TempDataDirectory() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
