/** Headers every response carries; the Content-Security-Policy (with a per-request nonce) is set by proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

// Behind a proxy that rewrites Host, Next's own server-action check needs the public name too.
const publicHost = process.env.SWITCHYARD_URL ? new URL(process.env.SWITCHYARD_URL).host : undefined;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The engine runs in process for simulated hosts; execa and friends stay plain Node modules (prom-client too: one registry per process).
  serverExternalPackages: ['execa', 'better-sqlite3', '@node-rs/argon2', 'prom-client'],
  poweredByHeader: false,
  experimental: { serverActions: { allowedOrigins: publicHost ? [publicHost] : [] } },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
