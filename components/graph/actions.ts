'use server';

import { z } from 'zod';
import { requireUser } from '@/lib/auth';
import { keepPositions } from '@/lib/console/layout-positions';

const positionsSchema = z.record(
  z.string().min(1).max(300),
  z.object({ x: z.number().finite(), y: z.number().finite() }),
).refine((p) => Object.keys(p).length <= 20_000, 'too many nodes');

/** Keep where the signed-in user's nodes are; every user has their own picture, so viewers may too. */
export async function savePositionsAction(input: unknown): Promise<{ ok: boolean; message: string }> {
  const user = await requireUser('viewer');
  const parsed = positionsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: `Positions not kept: ${parsed.error.issues[0]?.message ?? 'not positions'}.` };
  keepPositions(user.id, parsed.data);
  return { ok: true, message: 'Positions kept.' };
}
