/** The cookie that carries a session's secret. */
export const sessionCookieName = 'switchyard_session';

/** Whether the console is served over https (directly, behind a proxy that says so, or per SWITCHYARD_URL): then cookies are Secure. */
export const servedOverHttps = (forwardedProto: string | null, env: Record<string, string | undefined> = process.env): boolean =>
  forwardedProto === 'https' || (env.SWITCHYARD_URL ?? '').trim().toLowerCase().startsWith('https:');
