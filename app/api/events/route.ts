import { AuthError, authErrorStatus, requireUser } from '@/lib/auth';
import { hostEventStream, networkHub, streamStart } from '@/lib/hub';

/**
 * GET /api/events: the hub's changes as Server-Sent Events, for signed-in users. Every tab gets
 * the same hub's records; no host is asked because a browser is listening.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser('viewer');
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    return Response.json({ error: { code: e.code, message: e.message } }, { status: authErrorStatus(e.code) });
  }
  const { hub, epoch } = await networkHub();
  const start = streamStart(request.headers.get('last-event-id'), new URL(request.url).searchParams);
  return new Response(hostEventStream(hub, epoch, start, request.signal), {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
