'use client';

import type { WatcherStatus } from '@/lib/console/topology';
import { ago } from '@/components/console/last-seen';
import { useClockValue } from '@/components/console/use-clock-value';

/** What a host says of its watcher, in words: running since, heals, last check; or not running. */
export function watcherText(w: WatcherStatus, now: number | null): string {
  if (!w.running) return 'switchyard watch is not running: nothing re-applies the rules if another tool flushes them';
  const when = (at: string) => (now === null ? at : ago(at, now));
  return [`switchyard watch running${w.pid ? ` (pid ${w.pid})` : ''}${w.since ? ` since ${when(w.since)}` : ''}`, `${w.heals ?? 0} heals${w.lastHeal ? `, last ${when(w.lastHeal)}` : ''}`, ...(w.lastCheck ? [`last check ${when(w.lastCheck)}`] : [])].join('; ');
}

/** A host's watcher on its node: "watch on" / "watch off", the details in the title (times as read off the page's clock). */
export function WatcherBadge({ watcher }: { watcher: WatcherStatus }) {
  const text = useClockValue(15_000, (now) => watcherText(watcher, now));
  return (
    <span
      role="img"
      aria-label={text}
      title={text}
      className={`rounded px-1.5 py-0.5 text-[13px] font-medium ${watcher.running ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200' : 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-200'}`}
    >
      {watcher.running ? 'watch on' : 'watch off'}
    </span>
  );
}
