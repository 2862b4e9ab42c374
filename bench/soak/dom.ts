// A jsdom window as this thread's globals, the way Vitest's jsdom environment sets them up: every
// window property Node lacks (document, HTMLElement, MutationObserver, navigator…) is read from
// the window. Node keeps its own timers (counted by timers.ts) and its own fetch, which the
// official SDK uses to reach the emulator over HTTP.
import { createRequire } from 'node:module';

// jsdom ships no types of its own (and @types/jsdom is not a dependency); this is the part used here.
type JSDOMConstructor = new (html: string, options: { url: string; pretendToBeVisual: boolean }) => { window: Window };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JSDOMConstructor };

// React's production build, as an app ships it (the development build keeps extra debug data).
process.env.NODE_ENV ??= 'production';

export const dom = new JSDOM('<!DOCTYPE html><html><body><div id="root"></div></body></html>', {
  url: 'http://localhost:3000/',
  pretendToBeVisual: true,
});

const window = dom.window as unknown as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in globalThis || key === 'undefined') continue;
  Object.defineProperty(globalThis, key, { get: () => window[key], configurable: true });
}
// React and Testing Library look for `window` itself; the SDK is told it may run "in a browser".
Object.defineProperty(globalThis, 'window', { value: dom.window, configurable: true, writable: true });
