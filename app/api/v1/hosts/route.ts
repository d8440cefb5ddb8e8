import { getHosts } from '@/lib/api/v1/network';

export const GET = (): Promise<Response> => getHosts();
