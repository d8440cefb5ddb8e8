import { basename } from 'node:path';
import { EngineError } from '../errors';
import type { HostState } from '../model/binding';
import { parseUntrustedJson } from '../model/untrusted-json';
import { objectFields } from '../model/validate';
import { parseStoredBinding, parseStoredExposure } from '../model/validate-stored';
import { sealedState } from './state-text';

/** Check a state file's document exactly as strictly as operator input; the first bad field is an EngineError('bad-input'). */
export function validateHostState(json: unknown): HostState {
  const s = objectFields('', json, ['version', 'backend', 'seal', 'bindings', 'exposed']);
  if (s.version !== 1) throw new EngineError('bad-input', 'version: must be 1', { field: 'version' });
  if (s.seal !== undefined && typeof s.seal !== 'string') throw new EngineError('bad-input', 'seal: must be text (or remove it)', { field: 'seal' });
  if (s.backend !== undefined && s.backend !== 'iptables' && s.backend !== 'nft') throw new EngineError('bad-input', 'backend: must be iptables or nft', { field: 'backend' });
  if (!Array.isArray(s.bindings)) throw new EngineError('bad-input', 'bindings: must be a list', { field: 'bindings' });
  if (!Array.isArray(s.exposed)) throw new EngineError('bad-input', 'exposed: must be a list', { field: 'exposed' });
  const bindings = s.bindings.map((b, i) => parseStoredBinding(b, `bindings[${i}]`));
  const exposed = s.exposed.map((e, i) => parseStoredExposure(e, `exposed[${i}]`));
  const ids = new Set<string>();
  bindings.forEach((b, i) => {
    if (ids.has(b.id)) throw new EngineError('bad-input', `bindings[${i}].id: "${b.id}" appears twice`, { field: `bindings[${i}].id` });
    ids.add(b.id);
  });
  return { version: 1, ...(s.backend ? { backend: s.backend } : {}), bindings, exposed };
}

/**
 * Parse a state file's text; a damaged file is reported (exit 1, naming the field and how to fix
 * it), never overwritten. A file whose seal holds is byte for byte what Switchyard wrote, so its
 * entries are not validated again; any other file (edited, older, unsealed) is validated in full.
 */
export function parseHostState(bytes: Buffer | string, file: string): HostState {
  try {
    const sealed = typeof bytes === 'string' ? undefined : sealedState(bytes);
    return sealed ?? validateHostState(parseUntrustedJson(bytes.toString(), 'file'));
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    const what = e.message.replace(/^(file)?: /, '');
    throw new EngineError('host-failure', `${basename(file)}: ${what}. Fix it in ${file} (or remove that entry), then run \`switchyard restore\``, {
      field: e.field,
      cause: e,
    });
  }
}
