import { deleteBinding, putBinding } from '@/lib/api/v1/bindings';

type Params = { params: Promise<{ host: string; id: string }> };

export async function PUT(request: Request, { params }: Params): Promise<Response> {
  const { host, id } = await params;
  return putBinding(request, host, id);
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const { host, id } = await params;
  return deleteBinding(request, host, id);
}
