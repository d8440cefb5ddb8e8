import { NextResponse, type NextRequest } from 'next/server';
import { consoleAddress, isConsoleHost, isConsoleOrigin } from '@/lib/auth/console-address';
import { contentSecurityPolicy } from '@/lib/auth/content-security-policy';
import { methodHeader } from '@/lib/auth/request-meta';
import { sessionCookieName } from '@/lib/auth/session-cookie';

// Responses the proxy makes itself carry no page, so nothing at all may load or frame them.
const bareCsp = "default-src 'none'; frame-ancestors 'none'";
// The JSON API answers in its own error shape ({ "error": { "code", "message" } }), pages in plain text.
const refuse = (message: string, path: string) =>
  path.startsWith('/api/')
    ? NextResponse.json({ error: { code: 'bad-origin', message } }, { status: 403, headers: { 'content-security-policy': bareCsp } })
    : new NextResponse(`${message}\n`, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': bareCsp } });
// Single sign-on's start and callback run before there is a session.
const publicPaths = new Set(['/login', '/login/sso', '/login/sso/callback']);
// Read by programs (Prometheus), not people: an anonymous request gets the route's 401, not a redirect to /login.
const machinePaths = new Set(['/metrics']);

/**
 * In front of every request: refuse a Host that is not the console's and a cross-origin mutation,
 * send pages without a session cookie to /login, and give each response its CSP nonce. This only
 * redirects early; every server action and route handler still checks with requireUser.
 */
export function proxy(request: NextRequest) {
  const at = consoleAddress();
  const host = request.headers.get('host');
  const path = request.nextUrl.pathname;
  if (!isConsoleHost(host, at)) return refuse(`Refused: this console does not answer to the name "${host ?? ''}" (set SWITCHYARD_URL to its public address).`, path);
  const method = request.method.toUpperCase();
  const readOnly = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
  const bearer = /^Bearer\s/i.test(request.headers.get('authorization') ?? '');
  // Only a request carrying the session cookie can be forged cross-site; one without is anonymous and requireUser answers it.
  if (!readOnly && !bearer && request.cookies.has(sessionCookieName) && !isConsoleOrigin(request.headers.get('origin'), host, at)) {
    return refuse('Refused: a change may only come from this console’s own pages.', path);
  }
  const page = method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/_next/') && !publicPaths.has(path) && !machinePaths.has(path);
  if (page && !request.cookies.has(sessionCookieName)) {
    const toLogin = NextResponse.redirect(new URL('/login', request.url));
    toLogin.headers.set('content-security-policy', bareCsp);
    return toLogin;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(methodHeader, method);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = { matcher: '/:path*' };
