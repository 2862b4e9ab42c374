import type { Preview } from '@storybook/react-vite';
import { faultPresetNames, faultPresets, isFaultPresetName, type Emulator, type FaultPresetName } from '../../src/emulator';

// The "Faults" toolbar: a Storybook global (`faults`) whose value is `none` or one of the emulator's
// fault presets (src/emulator/README.md, "Faults"). The preview's decorator hands it to the story's
// emulator with `applyFaults`, so switching the toolbar changes faults live, on the same emulator,
// without rebuilding the story's data.

/** The `faults` global: no faults, or a preset's name. */
export type FaultsGlobal = 'none' | FaultPresetName;

/** The global's default: every story runs without faults unless it (or the toolbar) says otherwise. */
export const noFaults = 'none' satisfies FaultsGlobal;

/** "stalling-streams" → "Stalling streams". */
export const faultPresetTitle = (name: FaultPresetName): string => {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The `globalTypes.faults` entry of .storybook/preview.tsx: "No faults", then one item per preset. */
export const faultsGlobalType = {
  description: 'Fault injection in the emulator (src/emulator/README.md, "Faults")',
  toolbar: {
    title: 'Faults',
    icon: 'lightning',
    items: [
      { value: noFaults, title: 'No faults', right: 'Every request answers normally' },
      ...faultPresetNames.map((name) => ({ value: name, title: faultPresetTitle(name), right: faultPresets[name].description })),
    ],
    dynamicTitle: true,
  },
} satisfies NonNullable<Preview['globalTypes']>[string];

/** Reads a `faults` global (from the toolbar, a story's `globals` or a URL): anything unknown means no faults. */
export function faultsGlobalOf(value: unknown): FaultsGlobal {
  return typeof value === 'string' && isFaultPresetName(value) ? value : noFaults;
}

// What each emulator was last given, so a re-render with the same global does not call `set()` again
// (which would restart the profile's PRNG) and a play function that ends an outage with
// `emulator.faults.set(null)` is not overridden by the next render.
const applied = new WeakMap<Emulator, FaultsGlobal>();

/**
 * Switches `emulator`'s faults to the global's value (`none` → `faults.set(null)`), once per change.
 * Called while rendering, before the story's components mount, so their first requests already see the faults.
 */
export function applyFaults(emulator: Emulator, value: unknown): void {
  const faults = faultsGlobalOf(value);
  const previous = applied.get(emulator) ?? noFaults;
  if (previous === faults) return;
  emulator.faults.set(faults === noFaults ? null : faults);
  applied.set(emulator, faults);
}
