using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dashboard.Web.Security;

/// <summary>
/// Behind a load balancer (ALB, nginx) the app sees http from the proxy; X-Forwarded-Proto/For make
/// redirect URIs https and logs show the client address. Only proxies in <c>Proxy:TrustedNetworks</c>
/// (CIDR, e.g. the VPC's 10.0.0.0/16) are believed; loopback always is.
/// </summary>
public static class ProxyHeaders
{
    public const string SectionName = "Proxy";

    public static void Configure(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    }

    public static void AddTrustedNetworks(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        foreach (var cidr in configuration.GetSection($"{SectionName}:TrustedNetworks").Get<string[]>() ?? [])
        {
            if (!System.Net.IPNetwork.TryParse(cidr, out var network))
                throw new InvalidOperationException($"Proxy:TrustedNetworks: '{cidr}' is not a CIDR network like 10.0.0.0/16.");
            options.KnownIPNetworks.Add(network);
        }
    }
}
