import { getBindings } from '@/lib/api/v1/network';

export const GET = (request: Request): Promise<Response> => getBindings(request);
