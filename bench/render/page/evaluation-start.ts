// Imported first by main.tsx, so it is evaluated before every other module of the bundle: the start
// of the bundle's module evaluation (main.tsx marks its end once all its imports have run). An
// export main.tsx reads, not a bare import: package.json says only CSS has side effects.
export const evaluationStart = performance.now();
