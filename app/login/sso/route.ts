import { startSso } from '@/lib/auth/oidc/sso-handlers';

export const GET = (request: Request): Promise<Response> => startSso(request);
