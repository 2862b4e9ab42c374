// The bundle size budgets: what an app pays, in gzip bytes, for each way of importing runlens.
// Checked in `npm test` (test/consumers/size-budgets.test.ts) and printed by `npm run bench:size`.

/** A module an entry must never pull into an app's bundle, matched against `package/path/in/package.js`. */
export interface ForbiddenModules {
  what: string;
  pattern: RegExp;
}

export interface SizeBudget {
  /** Short name, for the table and the test titles. */
  name: string;
  /** The specifier the app imports from (`runlens`, `runlens/ui`, …). */
  from: string;
  /** The names imported, or '*' for everything the entry exports. */
  names: readonly string[] | '*';
  /** More imports of the same app, from other entries (a whole app: hooks + the backend it uses). */
  also?: readonly { from: string; names: readonly string[] }[];
  /** Minified + gzip (level 9), in kB of 1 000 bytes: `npm test` fails above it. */
  limitKb: number;
  mustNotContain: readonly ForbiddenModules[];
}

/** The emulator is the other side of the wire: an app that renders runs never ships it. */
export const noEmulator: ForbiddenModules = { what: 'the emulator (runlens/dist/emulator/)', pattern: /^runlens\/dist\/emulator\// };
/** zod classic's method-chaining API does not tree-shake; the package uses zod/mini. */
export const noZodClassic: ForbiddenModules = { what: 'zod classic (zod/v4/classic/)', pattern: /^zod\/v4\/classic\// };
/**
 * zod's 40-odd locales and its JSON Schema code (~75 kB gzip): a namespace read such as
 * `z.core.toDotPath` or `z.locales` keeps every export of that namespace, where a named import does not.
 */
export const noZodExtras: ForbiddenModules = {
  what: "zod's locales and JSON Schema code (zod/v4/locales/, zod/v4/core/*json-schema*, compile)",
  pattern: /^zod\/v4\/(locales\/|core\/(to-json-schema|json-schema[\w-]*|compile)\.js$)/,
};

/**
 * No zod at all: the schemas and the zod-based create-call checks live with the backends, so an app
 * pays for zod's parse core (~7 kB gzip) once, in the backend it picks, and not again for hooks or UI.
 */
export const noZod: ForbiddenModules = { what: 'zod (only the backends validate with it)', pattern: /^zod\// };

const backendRules = [noEmulator, noZodClassic, noZodExtras] as const;
const appRules = [...backendRules, noZod] as const;

/**
 * hooks, root and inspector carry the targets (15, 20 and 40 kB) as their limits; since
 * RunsProvider takes a RunsClient and the backend comes from its own entry, they carry no zod and
 * measure 4.9, 13.8 and 27.3 kB, and the `noZod` rule fails the moment zod leaks back in. The
 * backend (`runlens/assistants`: client, schemas, zod/mini's parse core) measured 14.4 kB, and a
 * whole Assistants app's `useRun` + `RunsProvider` + backend 17.5 kB: what an app on that backend
 * pays, kept in the table so the split is not mistaken for a saving it is not. The Responses
 * backend with its localStorage run index measured 18.5 kB. Core (everything but React, both
 * backends) 30.7, primitives 11.9, and the emulator 28.1 since it serves the Responses API too
 * (21.6 with Assistants alone; it never ships in an app bundle). Each of these limits sits ~1 kB
 * above, so a leak (the emulator, a second virtualizer) fails at once. Issue 12 moved two: core
 * 32.1 kB (it also exports createProxyRunIndex, the browser side of the proxy's run index) and the
 * emulator 29.4 (the seeded Responses demo); the proxy handler itself measured 11.3. Issue 13 (the
 * trace view) moved primitives to 18.6 kB (the waterfall's selection, zoom, tooltip and sub-rows, the
 * run search, the Markdown transcript) and the inspector to 38.8 kB up front, with its export (reading
 * a whole run, the Markdown) a 2.4 kB chunk loaded on the first click: since then a budget counts what
 * loads up front, as an app's bundler splits a dynamic import(), and the table shows the rest apart.
 */
export const sizeBudgets: readonly SizeBudget[] = [
  { name: 'hooks', from: 'runlens', names: ['useRun', 'RunsProvider'], limitKb: 15, mustNotContain: appRules },
  { name: 'root', from: 'runlens', names: '*', limitKb: 20, mustNotContain: appRules },
  { name: 'assistants', from: 'runlens/assistants', names: ['createAssistantsRunsClient'], limitKb: 15.5, mustNotContain: backendRules },
  { name: 'responses', from: 'runlens/responses', names: ['createResponsesRunsClient', 'createLocalStorageRunIndex'], limitKb: 19.5, mustNotContain: backendRules },
  // Issue 13: the replay backend (the bundle's zod check with the run model's schemas, paging, the player) measured 14.0 kB.
  { name: 'replay', from: 'runlens/replay', names: ['createReplayRunsClient', 'parseRunBundle'], limitKb: 15, mustNotContain: backendRules },
  {
    name: 'hooks + assistants',
    from: 'runlens',
    names: ['useRun', 'RunsProvider'],
    also: [{ from: 'runlens/assistants', names: ['createAssistantsRunsClient'] }],
    limitKb: 18.5,
    mustNotContain: backendRules,
  },
  { name: 'inspector', from: 'runlens/ui', names: ['RunInspector'], limitKb: 40, mustNotContain: appRules },
  { name: 'primitives', from: 'runlens/primitives', names: '*', limitKb: 19.5, mustNotContain: appRules },
  { name: 'core', from: 'runlens/core', names: '*', limitKb: 33, mustNotContain: backendRules },
  { name: 'emulator', from: 'runlens/emulator', names: '*', limitKb: 30.5, mustNotContain: [noZodClassic, noZodExtras] },
  // Server code, but it may run at the edge (a Next.js route handler): no zod, no emulator.
  { name: 'proxy', from: 'runlens/proxy', names: ['createRunsProxy'], limitKb: 12.5, mustNotContain: appRules },
];


/** The import line as an app writes it. */
export function importLine(budget: SizeBudget): string {
  const first = budget.names === '*' ? `import * as runlens from '${budget.from}'` : `import { ${budget.names.join(', ')} } from '${budget.from}'`;
  return [first, ...(budget.also ?? []).map(({ from, names }) => `import { ${names.join(', ')} } from '${from}'`)].join('; ');
}

/** The bundle's entry: re-exporting what the app imports, so tree shaking keeps exactly that. */
export function entrySource(budget: SizeBudget): string {
  const first = budget.names === '*' ? `export * from '${budget.from}';\n` : `export { ${budget.names.join(', ')} } from '${budget.from}';\n`;
  return first + (budget.also ?? []).map(({ from, names }) => `export { ${names.join(', ')} } from '${from}';\n`).join('');
}

/**
 * Peers the app provides itself: never counted. A bare name also covers its subpaths
 * (`openai/resources/…`).
 */
export const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', '@tanstack/query-core', 'openai', '@electric-sql/pglite', 'pg'] as const;
