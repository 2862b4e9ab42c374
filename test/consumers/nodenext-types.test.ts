import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConsumerCase, failure } from './support/case.ts';
import { peers, peerSetNames, reactTypesFor, tools, type PeerSetName } from './versions.ts';

// A "type": "module" TypeScript project importing every entry of the packed package, strict, with
// `module`/`moduleResolution` NodeNext (skipLibCheck off: the package's own .d.ts are checked as a
// strict consumer's tsc sees them, against that set's peers' typings) and again with Bundler
// (skipLibCheck on, as app templates have it); tsc --noEmit must pass. src/wrong.tsx
// holds deliberate mistakes under `// @ts-expect-error`: if the types were `any`, tsc would report
// the directives unused. And a copy without the directives must fail with exactly those errors.

interface Expected {
  line: number;
  code: string;
}

/** `// @ts-expect-error TS2322 why` → the error expected on the next line (1-based). */
function expectedErrors(source: string): Expected[] {
  return source.split('\n').flatMap((text, index) => {
    const match = text.match(/^\s*\/\/ @ts-expect-error (TS\d+)/);
    return match ? [{ line: index + 2, code: match[1]! }] : [];
  });
}

/** tsc's `file(line,col): error TSxxxx: message` lines for one file. */
function reportedErrors(output: string, file: string): (Expected & { text: string })[] {
  return output.split('\n').flatMap((text) => {
    const match = text.match(/^(.+?)\((\d+),\d+\): error (TS\d+):/);
    return match && match[1]!.replaceAll('\\', '/').endsWith(file) ? [{ line: Number(match[2]), code: match[3]!, text }] : [];
  });
}

describe.each(peerSetNames)('types under NodeNext and Bundler, %s peers', (set: PeerSetName) => {
  const consumer = new ConsumerCase(`types-${set}`);
  let installed = false;

  beforeAll(async () => {
    consumer.copyApp('types');
    consumer.writePackage({
      type: 'module',
      dependencies: { ...peers[set], runlens: `file:${inject('runlensTarball')}` },
      devDependencies: { typescript: tools.typescript, '@types/node': tools['@types/node'], ...reactTypesFor(peers[set]) },
    });
    installed = (await consumer.install()).code === 0;
  });

  afterAll(() => console.log(consumer.report()));

  const tsc = (project: string) => consumer.timed(`tsc ${project}`, () => consumer.run(consumer.bin('tsc'), ['--noEmit', '--pretty', 'false', '-p', project]));

  it.each(['nodenext', 'bundler'])('%s: tsc --noEmit passes, every @ts-expect-error is needed', async (mode) => {
    expect(installed, failure('npm install', consumer)).toBe(true);
    const result = await tsc(`tsconfig.${mode}.json`);
    expect(result.code, failure(`tsc -p tsconfig.${mode}.json`, consumer, result)).toBe(0);
  });

  it('nodenext: without the directives, tsc reports exactly the expected errors', async () => {
    expect(installed, failure('npm install', consumer)).toBe(true);
    const source = readFileSync(join(consumer.dir, 'src', 'wrong.tsx'), 'utf8');
    const expected = expectedErrors(source);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    // The directive lines become plain comments, so line numbers stay the same. Imports are
    // relative to src/, and the copy sits beside it.
    consumer.write('stripped/wrong.tsx', source.replace(/\/\/ @ts-expect-error /g, '// (expected) '));
    consumer.write(
      'tsconfig.stripped.json',
      // The package's .d.ts were already checked by the nodenext pass; skipping them here saves ~20 s.
      JSON.stringify({ extends: './tsconfig.nodenext.json', compilerOptions: { skipLibCheck: true }, include: ['stripped'] }, null, 2),
    );
    const result = await tsc('tsconfig.stripped.json');
    expect(result.code, 'tsc must fail on the mistakes').not.toBe(0);
    const reported = reportedErrors(result.output, 'stripped/wrong.tsx');
    const missing = expected.filter((want) => !reported.some((got) => got.line === want.line && got.code === want.code));
    const unexpected = reported.filter((got) => !expected.some((want) => want.line === got.line));
    expect({ missing, unexpected: unexpected.map((got) => got.text) }, result.output).toEqual({ missing: [], unexpected: [] });
    // And nothing else failed (e.g. in the package's own .d.ts).
    const elsewhere = result.output.split('\n').filter((line) => /error TS\d+/.test(line) && !line.includes('stripped/wrong.tsx'));
    expect(elsewhere).toEqual([]);
  });
});
