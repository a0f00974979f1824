using Dashboard.Web.Cli;

return await DashboardCommandLine.InvokeAsync(args);
