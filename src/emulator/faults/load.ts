// Node only (the CLI): a profile from `--faults <preset|file.json>`.
import { readFile } from 'node:fs/promises';
import { faultPresetNames, faultPresets, isFaultPresetName } from './presets.js';
import { FaultProfileError, parseFaultProfile } from './profile.js';
import type { FaultProfile } from './types.js';

async function readProfileFile(path: string): Promise<FaultProfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new FaultProfileError([`'${path}' is neither a preset (${faultPresetNames.join(', ')}) nor a readable JSON file (${reason})`], 'value for --faults');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FaultProfileError([`not valid JSON: ${(error as Error).message}`], `fault profile ${path}`);
  }
  return parseFaultProfile(json, `fault profile ${path}`);
}

/** The preset named `spec`, or the profile in the JSON file at `spec`; `seed` overrides the profile's. */
export async function loadFaultProfile(spec: string, seed?: number): Promise<FaultProfile> {
  const profile = isFaultPresetName(spec) ? parseFaultProfile(faultPresets[spec], `fault preset '${spec}'`) : await readProfileFile(spec);
  return seed === undefined ? profile : { ...profile, seed };
}
