// The layout's Web Worker: ELK runs here so a large network never blocks the page while it is placed.
import { elkLayout } from './elk-layout';
import type { LayoutInput } from './layout-input';

self.onmessage = (event: MessageEvent<Pick<LayoutInput, 'boxes' | 'links'>>) => {
  elkLayout(event.data).then(
    (positions) => self.postMessage({ ok: true, positions }),
    (e: unknown) => self.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
};
