import { postBinding } from '@/lib/api/v1/bindings';

export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }): Promise<Response> {
  return postBinding(request, (await params).host);
}
