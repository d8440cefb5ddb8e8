import { getMetrics } from '@/lib/api/metrics';

export const GET = (): Promise<Response> => getMetrics();
