import { revalidatePath } from 'next/cache';
import { refreshAfterChange } from '@/lib/console/hub-views';
import { addBinding, rebindBinding, removeBinding } from '@/lib/console/host-operations';
import { operationContext } from '@/lib/console/operation-context';
import { bindingInputSchema, bindingLabels, bindingSpecOf } from '@/lib/console/input/binding-input';
import { changeLabels, rebindInputSchema, removeInputSchema } from '@/lib/console/input/binding-change-input';
import { failureResponse, invalidRequest, operationFailure } from '../api-error';
import { apiUser, refused } from '../api-refusal';
import { readJsonBody } from '../read-json-body';

// The hub takes the host's fresh status (open pages get it pushed), as after a change from a form.
async function changed(host: string): Promise<void> {
  await refreshAfterChange(host);
  revalidatePath('/');
}

/** POST /api/v1/hosts/{host}/bindings: create an export or import, with the New export / New import forms' fields. */
export async function postBinding(request: Request, host: string): Promise<Response> {
  const about = { action: 'create', host };
  const user = await apiUser('operator', about);
  if (user instanceof Response) return user;
  const read = await readJsonBody(request);
  if (!read.ok) return refused(user, about, read.failure);
  if (read.body.host !== undefined && read.body.host !== host) {
    return refused(user, about, { code: 'bad-input', field: 'host', message: `Nothing changed. Host: the body names "${String(read.body.host)}" but the URL names "${host}".` });
  }
  const parsed = bindingInputSchema.safeParse({ ...read.body, host });
  if (!parsed.success) return refused(user, about, invalidRequest(parsed.error, bindingLabels));
  const outcome = await addBinding(await operationContext(user), host, bindingSpecOf(parsed.data));
  if (!outcome.ok) return failureResponse(operationFailure(outcome));
  await changed(host);
  const { binding, changes, warnings } = outcome.report;
  return Response.json({ binding, changes, warnings }, { status: 201 });
}

/** PUT /api/v1/hosts/{host}/bindings/{id} with {"target","revision"}: rebind, refused if the binding changed since that revision. */
export async function putBinding(request: Request, host: string, id: string): Promise<Response> {
  const about = { action: 'rebind', host, binding: id };
  const user = await apiUser('operator', about);
  if (user instanceof Response) return user;
  const read = await readJsonBody(request);
  if (!read.ok) return refused(user, about, read.failure);
  const parsed = rebindInputSchema.safeParse({ target: read.body.target, revision: read.body.revision, host, id });
  if (!parsed.success) return refused(user, about, invalidRequest(parsed.error, changeLabels));
  const outcome = await rebindBinding(await operationContext(user), host, id, parsed.data.target, parsed.data.revision);
  if (!outcome.ok) return failureResponse(operationFailure(outcome));
  await changed(host);
  const { binding, changes, warnings, flowsCut } = outcome.report;
  return Response.json({ binding, changes, warnings, ...(flowsCut === undefined ? {} : { flowsCut }) });
}

/** DELETE /api/v1/hosts/{host}/bindings/{id}?revision=N: remove, refused if the binding changed since that revision. */
export async function deleteBinding(request: Request, host: string, id: string): Promise<Response> {
  const about = { action: 'remove', host, binding: id };
  const user = await apiUser('operator', about);
  if (user instanceof Response) return user;
  // A missing revision must fail validation, not read as 0.
  const revision = new URL(request.url).searchParams.get('revision') ?? undefined;
  const parsed = removeInputSchema.safeParse({ host, id, revision });
  if (!parsed.success) return refused(user, about, invalidRequest(parsed.error, changeLabels));
  const outcome = await removeBinding(await operationContext(user), host, id, parsed.data.revision);
  if (!outcome.ok) return failureResponse(operationFailure(outcome));
  await changed(host);
  const { changes, warnings } = outcome.report;
  return Response.json({ removed: id, changes, warnings });
}
