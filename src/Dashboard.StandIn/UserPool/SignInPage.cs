using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Primitives;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// The stand-in's managed-login page: one button per user, no password. The form posts every original
/// authorize parameter back, so OpenIddict validates the request again before anyone is signed in.
/// All text, including configured user names and groups, is HTML-encoded.
/// </summary>
internal static class SignInPage
{
    public const string Title = "Demo sign-in (local Cognito stand-in)";

    /// <summary>The form field carrying the chosen user; not an OAuth parameter.</summary>
    public const string UsernameField = "standin_username";

    /// <summary>Scripts, frames and foreign styles off; the inline style block is the only exception.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    public static string Render(string poolId, IEnumerable<KeyValuePair<string, StringValues>> parameters, IReadOnlyList<PoolUser> users)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(4096);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(html.Encode(Title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}")
            .Append("button{display:block;width:100%;margin:.5rem 0;padding:.75rem 1rem;text-align:left;font-size:1rem;cursor:pointer;border:1px solid #8c959f;border-radius:6px;background:#f6f8fa}")
            .Append("button:hover{background:#eaeef2}.groups{display:block;font-size:.85rem;color:#57606a}</style>\n")
            .Append("</head>\n<body>\n<main>\n<h1>").Append(html.Encode(Title)).Append("</h1>\n")
            .Append("<p>User pool <code>").Append(html.Encode(poolId))
            .Append("</code>. Choose a demo user to sign in as; there is no password. This page exists only in demo mode.</p>\n")
            .Append("<form method=\"post\">\n");

        foreach (var (name, values) in parameters)
        {
            if (name == UsernameField)
            {
                continue;
            }

            foreach (var value in values)
            {
                page.Append("<input type=\"hidden\" name=\"").Append(html.Encode(name))
                    .Append("\" value=\"").Append(html.Encode(value ?? "")).Append("\">\n");
            }
        }

        foreach (var user in users)
        {
            var groups = user.Groups.Count > 0 ? "groups: " + string.Join(", ", user.Groups) : "in no group";
            page.Append("<button type=\"submit\" name=\"").Append(UsernameField).Append("\" value=\"").Append(html.Encode(user.Username))
                .Append("\" data-testid=\"demo-user-").Append(html.Encode(user.Username)).Append("\">")
                .Append(html.Encode(user.Username))
                .Append(" <span class=\"groups\">").Append(html.Encode(groups)).Append("</span></button>\n");
        }

        page.Append("</form>\n</main>\n</body>\n</html>\n");
        return page.ToString();
    }
}
