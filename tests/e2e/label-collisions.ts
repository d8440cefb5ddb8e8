import type { Page } from '@playwright/test';

/** Every edge label lying on another edge label or on a host's header, by what they are. */
export const labelCollisions = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((viewport) => {
    const box = (el: Element) => el.getBoundingClientRect();
    const meet = (a: DOMRect, b: DOMRect) => a.x < b.right - 1 && b.x < a.right - 1 && a.y < b.bottom - 1 && b.y < a.bottom - 1;
    const labels = [...document.querySelectorAll('[data-edge-label]')].map((el) => ({ id: el.getAttribute('data-edge-label')!, box: box(el) }));
    const headers = [...viewport.querySelectorAll('.react-flow__node-host')].map((el) => ({ id: el.getAttribute('data-id')!, box: box(el.querySelector('[data-host-header]')!) }));
    const found: string[] = [];
    for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) if (meet(a.box, b.box)) found.push(`${a.id} / ${b.id}`);
    for (const l of labels) for (const h of headers) if (meet(l.box, h.box)) found.push(`${l.id} over ${h.id}'s header`);
    return found;
  });
