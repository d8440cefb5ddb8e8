/** The URL a page subscribes to: the changes after the version (of that server run) it holds. */
export function hostEventsUrl(version: number | undefined, epoch: string | undefined): string {
  const q = new URLSearchParams({ since: String(version ?? 0), ...(epoch ? { epoch } : {}) });
  return `/api/events?${q}`;
}
