import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/env.ts';
import { peers, peerSetNames, reactTypesFor, storeDrivers } from './versions.ts';

// The matrix's lowest and highest peers must be inside the ranges package.json declares, or the
// matrix would test installs no user can have (and miss the floor the package promises).

// semver is already in node_modules (a dependency of the toolchain); it ships no types of its own.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  valid(version: string): string | null;
};

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };
/** The app's peers: every declared peer but the proxy's database drivers. */
const appPeers = Object.fromEntries(Object.entries(pkg.peerDependencies).filter(([name]) => !(name in storeDrivers)));
const floorOf = (range: string) => range.split('||')[0]!.trim().replace(/^[\^~>=]+/, '');

describe('versions.ts', () => {
  it('pins exactly the package’s peers, in both sets', () => {
    for (const set of peerSetNames) expect(Object.keys(peers[set]).sort(), set).toEqual(Object.keys(appPeers).sort());
  });

  it.each(peerSetNames)('the %s set satisfies every declared peer range', (set) => {
    for (const [name, version] of Object.entries(peers[set])) {
      expect(semver.valid(version), `${name} ${version} is an exact version`).toBe(version);
      expect(semver.satisfies(version, pkg.peerDependencies[name]!), `${name}@${version} in "${pkg.peerDependencies[name]}"`).toBe(true);
    }
  });

  it('the lowest set is the floor of each range', () => {
    for (const [name, range] of Object.entries(appPeers)) {
      const floor = floorOf(range);
      expect(peers.lowest[name as keyof typeof peers.lowest], `${name}: "${range}" starts at ${floor}`).toBe(floor);
    }
  });

  it("the proxy's database drivers are declared peers, tested at the floor of their ranges (what the repo installs)", () => {
    for (const [name, version] of Object.entries(storeDrivers)) {
      expect(pkg.peerDependencies[name], `${name} is a peer`).toBeDefined();
      expect(floorOf(pkg.peerDependencies[name]!), `${name}: "${pkg.peerDependencies[name]}"`).toBe(version);
      const installed = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
      expect(installed, `${name} in node_modules (what test/proxy/store runs)`).toBe(version);
    }
  });

  it('React typings follow each set’s React major', () => {
    for (const set of peerSetNames) {
      const types = reactTypesFor(peers[set]);
      expect(types['@types/react'].split('.')[0]).toBe(peers[set].react.split('.')[0]);
      expect(types['@types/react-dom'].split('.')[0]).toBe(peers[set].react.split('.')[0]);
    }
  });
});
