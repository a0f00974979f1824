// A third-party OpenID provider (npm `oidc-provider`, not our code) set up like an Amazon Cognito
// user pool, so a browser test can prove the dashboard signs in against an IdP we did not write.
//
// Cognito traits copied here: one confidential app client, authorization code flow with PKCE,
// scopes `openid email profile`, RS256 ID tokens carrying `cognito:groups` (array),
// `cognito:username`, `email` and `token_use: "id"`, no consent screen for the pool's own client,
// and Cognito's non-standard `GET /logout?client_id=..&logout_uri=..`.
//
// Protocol with the test (stdout lines; stdin lines):
//   1. binds 127.0.0.1 (port OIDC_PORT or argv[2], default 0 = any free port) and prints
//      `listening http://127.0.0.1:PORT` (the issuer);
//   2. the client's callback and sign-out URLs come from OIDC_REDIRECT_URI / OIDC_LOGOUT_URI, or,
//      when those are unset, from the first stdin line: {"redirectUri": "...", "logoutUri": "..."}
//      (the dashboard's port is only known after the provider is up);
//   3. prints `ready` once the provider answers; until then every request gets 503.
// It exits when stdin closes, on SIGTERM/SIGINT, and by itself after OIDC_MAX_SECONDS (default 600).
//
// Environment: OIDC_CLIENT_ID (required), OIDC_CLIENT_SECRET (optional: without it the client is
// public, still with PKCE), OIDC_PORT, OIDC_REDIRECT_URI, OIDC_LOGOUT_URI, OIDC_MAX_SECONDS.
// Users (any password, through oidc-provider's dev interaction pages; field names `login` and
// `password`): see USERS below.

import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

// oidc-provider always uses the account id (here the login name) as `sub`; Cognito's is a UUID.
// Nothing in the dashboard may depend on that: it shows `cognito:username`.
const USERS = {
  'ada-admin': { groups: ['dashboard-admins'] },
  'alice-analyst': { groups: ['dashboard-analysts'] },
  'victor-viewer': { groups: ['dashboard-viewers'] },
  // In no group: Cognito then leaves `cognito:groups` out of the token altogether.
  'nora-nogroups': { groups: [] },
};
// The dev login page takes any name: a name not listed above is a pool user in no group (rather
// than oidc-provider's unhandled error for an unknown account).
const NO_GROUPS = { groups: [] };

function fail(message) {
  console.error(`cognito-like-provider: ${message}`);
  process.exit(2);
}

function parseHttpUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`${name} is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`${name} must be http(s): ${value}`);
  return url.href;
}

const clientId = process.env.OIDC_CLIENT_ID;
if (!clientId) fail('OIDC_CLIENT_ID is required');
const clientSecret = process.env.OIDC_CLIENT_SECRET || undefined;
const port = Number(process.env.OIDC_PORT ?? process.argv[2] ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`bad port: ${process.env.OIDC_PORT ?? process.argv[2]}`);
const maxSeconds = Number(process.env.OIDC_MAX_SECONDS ?? 600);
if (!(maxSeconds > 0)) fail(`bad OIDC_MAX_SECONDS: ${process.env.OIDC_MAX_SECONDS}`);

// Never outlive the test that started it, however that test ends.
const shutdown = (code) => () => process.exit(code);
process.on('SIGTERM', shutdown(0));
process.on('SIGINT', shutdown(0));
setTimeout(() => {
  console.error(`cognito-like-provider: stopping after ${maxSeconds} s`);
  process.exit(0);
}, maxSeconds * 1000).unref();

let handler = (_req, res) => {
  res.writeHead(503, { 'content-type': 'text/plain' });
  res.end('provider not configured yet\n');
};
const server = createServer((req, res) => handler(req, res));
server.on('error', (err) => fail(`cannot listen: ${err.message}`));
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  console.log(`listening ${issuer}`);
  awaitClientUrls().then((urls) => {
    handler = buildProvider(issuer, urls).callback();
    console.log('ready');
  });
});

// Reads the client's URLs from the environment, else from the first stdin line. Stdin closing
// (the test process gone) always stops the provider.
function awaitClientUrls() {
  const lines = createInterface({ input: process.stdin });
  lines.on('close', shutdown(0));
  if (process.env.OIDC_REDIRECT_URI) {
    return Promise.resolve({
      redirectUri: parseHttpUrl('OIDC_REDIRECT_URI', process.env.OIDC_REDIRECT_URI),
      logoutUri: parseHttpUrl('OIDC_LOGOUT_URI', process.env.OIDC_LOGOUT_URI ?? ''),
    });
  }
  return new Promise((resolve) => {
    lines.once('line', (line) => {
      let parsed;
      try {
        parsed = JSON.parse(line);
      } catch {
        fail('the first stdin line must be JSON: {"redirectUri": "...", "logoutUri": "..."}');
      }
      resolve({
        redirectUri: parseHttpUrl('redirectUri', parsed?.redirectUri),
        logoutUri: parseHttpUrl('logoutUri', parsed?.logoutUri),
      });
    });
  });
}

function buildProvider(issuer, { redirectUri, logoutUri }) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'cognito-like-1', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      ...(clientSecret
        ? { client_secret: clientSecret, token_endpoint_auth_method: 'client_secret_post' }
        : { token_endpoint_auth_method: 'none' }),
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [logoutUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'RS256',
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile'],
    claims: {
      openid: ['sub', 'cognito:groups', 'cognito:username', 'token_use'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    // Cognito puts every claim in the ID token; oidc-provider's default moves them to userinfo.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: false },
    },
    async findAccount(_ctx, accountId) {
      const user = Object.hasOwn(USERS, accountId) ? USERS[accountId] : NO_GROUPS;
      return {
        accountId,
        async claims(use) {
          return {
            sub: accountId,
            ...(user.groups.length ? { 'cognito:groups': user.groups } : {}),
            'cognito:username': accountId,
            ...(use === 'id_token' ? { token_use: 'id' } : {}),
            email: `${accountId}@example.com`,
            email_verified: true,
            name: accountId,
            preferred_username: accountId,
          };
        },
      };
    },
    // The pool's own app client never shows a consent screen: grant what it asks for.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['sub', 'cognito:groups', 'cognito:username', 'token_use', 'email', 'email_verified', 'name', 'preferred_username']);
      await grant.save();
      return grant;
    },
  });

  provider.on('server_error', (_ctx, err) => console.error(`cognito-like-provider: server error: ${err.message}`));
  provider.use(offlinePages);
  provider.use(cognitoLogout(provider, logoutUri));
  return provider;
}

// oidc-provider's built-in pages @import a web font from the internet; tests run offline and must not
// send a browser anywhere but loopback, so the import is cut from every HTML page.
async function offlinePages(ctx, next) {
  await next();
  if (typeof ctx.body === 'string' && ctx.response.is('html')) {
    ctx.body = ctx.body.replace(/@import url\(https?:[^)]*\);?/g, '');
  }
}

// Cognito's sign-out: GET /logout?client_id=<app client>&logout_uri=<registered sign-out URL>
// ends the pool's session and redirects. Anything unregistered is refused, never redirected to.
function cognitoLogout(provider, allowedLogoutUri) {
  return async (ctx, next) => {
    if (ctx.path !== '/logout') return next();
    if (ctx.method !== 'GET') {
      ctx.status = 405;
      ctx.body = 'method not allowed\n';
      return undefined;
    }
    const { client_id: requestedClient, logout_uri: requestedUri } = ctx.query;
    if (requestedClient !== clientId) {
      ctx.status = 400;
      ctx.body = 'invalid_request: unknown client_id\n';
      return undefined;
    }
    if (requestedUri !== allowedLogoutUri) {
      ctx.status = 400;
      ctx.body = 'invalid_request: logout_uri is not a registered sign-out URL\n';
      return undefined;
    }

    const session = await provider.Session.get(ctx);
    await Promise.all(Object.values(session.authorizations ?? {}).map(async ({ grantId }) => {
      const grant = grantId ? await provider.Grant.find(grantId) : undefined;
      await grant?.destroy();
    }));
    if (!session.new) await session.destroy();
    const name = provider.cookieName('session');
    // Signed cookies: clearing the cookie clears its `.sig` companion too.
    ctx.cookies.set(name, null, { httpOnly: true, sameSite: 'lax' });

    ctx.redirect(requestedUri);
    return undefined;
  };
}
