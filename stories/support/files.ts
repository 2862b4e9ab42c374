// The emulator serves no file contents (code_interpreter images are file ids only), so stories turn a
// file id into a small generated chart: an SVG data URL labelled with the id.
export function resolveFileUrl(fileId: string): string {
  const points = Array.from({ length: 41 }, (_, i) => `${(i * 5).toFixed(0)},${(50 - 40 * Math.sin(i / 4)).toFixed(1)}`).join(' ');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">` +
    `<rect width="200" height="100" fill="#fff"/><polyline fill="none" stroke="#2563eb" stroke-width="2" points="${points}"/>` +
    `<text x="4" y="96" font-size="8" fill="#333">${fileId.replace(/[^\w-]/g, '')}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
