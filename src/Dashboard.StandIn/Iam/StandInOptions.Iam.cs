namespace Dashboard.StandIn;

/// <summary>IAM settings of the stand-in (bindable as StandIn:IamFiles).</summary>
public sealed partial class StandInOptions
{
    /// <summary>
    /// get-account-authorization-details dumps to serve, each as one account: "PATH" (the account its ARNs
    /// name, added to the organization if needed) or "ACCOUNT=PATH" (served as that account, its ARNs
    /// rewritten). Such an account's IAM is the dump alone; its credential report and settings are generated.
    /// </summary>
    public string[] IamFiles { get; set; } = [];
}
