import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

/** A person the test provider knows, with the claims it gives about them. */
export interface ProviderAccount {
  sub: string;
  preferred_username: string;
  name?: string;
  email?: string;
  groups: string[];
}

/** A running OpenID provider (`oidc-provider`, its development sign-in and consent pages) with one registered client. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * Start a real OpenID provider on `port` (loopback) that knows `accounts` and has the console
 * registered as a confidential client redirecting to `redirectUri`. Its development login page
 * accepts any password for a known login.
 */
export async function startTestProvider(port: number, redirectUri: string, accounts: ProviderAccount[]): Promise<TestProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'switchyard-console';
  const clientSecret = randomBytes(24).toString('base64url');
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
    async findAccount(_ctx, sub) {
      const account = accounts.find((a) => a.sub === sub);
      return account ? { accountId: sub, claims: async () => ({ ...account }) } : undefined;
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
