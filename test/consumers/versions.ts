// Every version the consumer matrix installs, in one place. Exact versions only: each case dir is
// reused across runs, so a pinned set keeps its node_modules (and npm's cache) warm; bump here.

/** The package's peers at the top and the bottom of their declared ranges (see package.json). */
export interface PeerSet {
  react: string;
  'react-dom': string;
  '@tanstack/react-query': string;
  '@tanstack/query-core': string;
  openai: string;
}

export const peers = {
  highest: {
    react: '19.3.1',
    'react-dom': '19.3.1',
    '@tanstack/react-query': '5.108.4',
    '@tanstack/query-core': '5.108.4',
    openai: '7.59.0',
  },
  lowest: {
    react: '18.2.0',
    'react-dom': '18.2.0',
    '@tanstack/react-query': '5.89.0',
    '@tanstack/query-core': '5.89.0',
    openai: '6.0.0',
  },
} as const satisfies Record<string, PeerSet>;

/**
 * The proxy's database drivers: optional peers of its SQL stores (server side), never part of an
 * app's install, so not in the sets above. The repo's store tests (test/proxy/store/) run them at
 * these versions, which are the floor of their ranges (and the newest release when declared).
 */
export const storeDrivers = { '@electric-sql/pglite': '0.5.17', pg: '8.23.1' } as const;

export type PeerSetName = keyof typeof peers;
export const peerSetNames = Object.keys(peers) as PeerSetName[];

/** `@types/react` / `@types/react-dom` for each React major (the newest patch of that major). */
export const reactTypes = {
  18: { '@types/react': '18.3.32', '@types/react-dom': '18.3.7' },
  19: { '@types/react': '19.3.3', '@types/react-dom': '19.3.0' },
} as const;

/** The typings that go with a peer set's React. */
export function reactTypesFor(set: PeerSet): (typeof reactTypes)[keyof typeof reactTypes] {
  const major = Number(set.react.split('.')[0]);
  if (major !== 18 && major !== 19) throw new Error(`no @types/react pinned for React ${set.react}`);
  return reactTypes[major];
}

/** Build tools and linters the consumer apps use. */
export const tools = {
  vite: '8.4.0',
  '@vitejs/plugin-react': '6.3.0',
  next: '16.4.6',
  typescript: '5.9.3',
  '@types/node': '22.20.5',
  '@arethetypeswrong/cli': '0.18.5',
  publint: '0.3.25',
} as const;
