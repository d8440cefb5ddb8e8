/** What an admin action shows: what happened, and a secret (password, token) to copy once. */
export type AdminResult = { ok: boolean; message: string; secret?: string } | null;
