using System.Security.Claims;

namespace Dashboard.Web.Tests.Security.Tokens;

/// <summary>What the dashboard made of the signed-in user: name, role claims, and every claim type kept.</summary>
public sealed record SessionView(string? Name, string[] Roles, string[] ClaimTypes)
{
    public static SessionView Of(ClaimsPrincipal user) => new(
        user.Identity?.Name,
        [.. user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value)],
        [.. user.Claims.Select(c => c.Type).Distinct(StringComparer.Ordinal)]);
}
