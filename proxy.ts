import { NextResponse, type NextRequest } from 'next/server';
import { consoleAddress, isConsoleHost, isConsoleOrigin } from '@/lib/auth/console-address';
import { contentSecurityPolicy } from '@/lib/auth/content-security-policy';
import { methodHeader } from '@/lib/auth/request-meta';
import { sessionCookieName } from '@/lib/auth/session-cookie';

// Responses the proxy makes itself carry no page, so nothing at all may load or frame them.
const bareCsp = "default-src 'none'; frame-ancestors 'none'";
const refuse = (message: string) =>
  new NextResponse(`${message}\n`, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': bareCsp } });
const publicPaths = new Set(['/login']);

/**
 * In front of every request: refuse a Host that is not the console's and a cross-origin mutation,
 * send pages without a session cookie to /login, and give each response its CSP nonce. This only
 * redirects early; every server action and route handler still checks with requireUser.
 */
export function proxy(request: NextRequest) {
  const at = consoleAddress();
  const host = request.headers.get('host');
  if (!isConsoleHost(host, at)) return refuse(`Refused: this console does not answer to the name "${host ?? ''}" (set SWITCHYARD_URL to its public address).`);
  const method = request.method.toUpperCase();
  const readOnly = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
  const bearer = /^Bearer\s/i.test(request.headers.get('authorization') ?? '');
  if (!readOnly && !bearer && !isConsoleOrigin(request.headers.get('origin'), host, at)) {
    return refuse('Refused: a change may only come from this console’s own pages.');
  }
  const path = request.nextUrl.pathname;
  const page = method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/_next/') && !publicPaths.has(path);
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
