'use client';

import { useLayoutEffect, useState } from 'react';

/**
 * False on the server and while the page hydrates, true from the render right after: a part the
 * server cannot draw is then not worked out there either. Set in a layout effect, so the browser
 * renders that part in the same task as the hydration, before anything is painted.
 */
export function useInBrowser(): boolean {
  const [inBrowser, setInBrowser] = useState(false);
  useLayoutEffect(() => setInBrowser(true), []);
  return inBrowser;
}
