using Dashboard.Web.Cli;

return await DashboardCommandLine.InvokeAsync(args);

/// <summary>The entry point; public for WebApplicationFactory&lt;Program&gt; in tests.</summary>
public partial class Program;
