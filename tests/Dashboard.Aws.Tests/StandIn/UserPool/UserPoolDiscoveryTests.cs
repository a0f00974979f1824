using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

public sealed class UserPoolDiscoveryTests(UserPoolFixture fixture) : IClassFixture<UserPoolFixture>
{
    [Fact]
    public async Task Discovery_UnderTheIssuer_PublishesCognitosEndpoints()
    {
        using var client = new OidcTestClient(fixture.Pool);
        var domain = fixture.Pool.DomainUrl.ToString();

        var document = await client.GetJsonAsync(fixture.Pool.Issuer + "/.well-known/openid-configuration");

        Assert.Equal($"http://127.0.0.1:{fixture.Pool.DomainUrl.Port}/us-east-1_DEMOPOOL1", fixture.Pool.Issuer.ToString());
        Assert.Equal(fixture.Pool.Issuer.ToString(), document.GetProperty("issuer").GetString());
        Assert.Equal(domain + "oauth2/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(domain + "oauth2/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal(domain + "oauth2/userInfo", document.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(fixture.Pool.Issuer + "/.well-known/jwks.json", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(["code"], Strings(document, "response_types_supported"));
        Assert.Equal(["S256"], Strings(document, "code_challenge_methods_supported"));
        Assert.Equal(["RS256"], Strings(document, "id_token_signing_alg_values_supported"));
        Assert.Equal(["email", "openid", "profile"], Strings(document, "scopes_supported").Order());
        Assert.Equal(["client_secret_basic", "client_secret_post"], Strings(document, "token_endpoint_auth_methods_supported").Order());
        // Cognito has no standard end-session endpoint: relying parties must use /logout.
        Assert.False(document.TryGetProperty("end_session_endpoint", out _));
    }

    [Fact]
    public async Task Jwks_HasOneRs256SigningKeyWithKid()
    {
        using var client = new OidcTestClient(fixture.Pool);

        var keys = (await client.GetJsonAsync(fixture.Pool.Issuer + "/.well-known/jwks.json")).GetProperty("keys");

        var key = Assert.Single(keys.EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.True(key.GetProperty("n").GetString()!.Length > 300);
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task Discovery_AtTheDomainRoot_IsNotFound()
    {
        using var client = new OidcTestClient(fixture.Pool);

        using var response = await client.GetAsync(".well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Start_AnyConfiguration_ListensOnLoopbackOnly()
    {
        var port = fixture.Pool.DomainUrl.Port;
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork)
            .ToList();

        Assert.Equal("127.0.0.1", fixture.Pool.DomainUrl.Host);
        foreach (var address in others)
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            var refused = await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(address, port, OidcTestClient.Ct));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
    }

    private static string[] Strings(JsonElement document, string name) =>
        [.. document.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
