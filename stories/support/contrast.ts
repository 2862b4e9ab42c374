// WCAG 2.x contrast of text against what is painted behind it, read from computed styles in the
// browser: background colours and every colour stop of background gradients (patterns), composited
// over the ancestors down to the first opaque background. For a gradient or pattern the worst stop
// counts, so a story can prove a label stays readable wherever it sits on a striped bar.

/** r, g, b in 0–255 and alpha in 0–1. */
export type Rgba = [r: number, g: number, b: number, a: number];

const colourPattern = /rgba?\([^)]*\)|color\(srgb[^)]*\)/g;

/** Parses a computed colour: `rgb()`, `rgba()` (either syntax) or `color(srgb r g b / a)` (what `color-mix()` computes to). */
export function parseColour(css: string): Rgba {
  const srgb = /^color\(srgb\s+([^)]*)\)$/.exec(css.trim());
  if (srgb) {
    const [channels, alpha] = srgb[1]!.split('/');
    const [r, g, b] = channels!.trim().split(/\s+/).map((value) => Number(value) * 255);
    return [r!, g!, b!, alpha === undefined ? 1 : Number(alpha)];
  }
  const rgb = /^rgba?\(([^)]*)\)$/.exec(css.trim());
  if (!rgb) throw new Error(`Not a computed colour: ${css}`);
  const parts = rgb[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

/** `top` painted over an opaque `bottom`. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two opaque colours, 1–21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Colours an element paints behind its content: its background colour, then each gradient stop over it. */
function layerColours(style: CSSStyleDeclaration): { fill: Rgba; stops: Rgba[] } {
  const stops = style.backgroundImage === 'none' ? [] : (style.backgroundImage.match(colourPattern) ?? []).map(parseColour);
  return { fill: parseColour(style.backgroundColor), stops };
}

/** The ancestors (element first) up to and including the first with an opaque background colour. */
function paintChain(element: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    chain.push(node);
    if (parseColour(getComputedStyle(node).backgroundColor)[3] === 1) break;
  }
  return chain;
}

/**
 * Every colour that can sit behind `element`'s text: from the first ancestor with an opaque
 * background (else white) up to the element, each layer's fill and gradient stops composited over
 * the colours below, faded by the opacity of that layer and of every ancestor on the way.
 */
export function backdropColours(element: Element): Rgba[] {
  let colours: Rgba[] = [[255, 255, 255, 1]];
  let opacity = 1;
  for (const node of paintChain(element).reverse()) {
    const style = getComputedStyle(node);
    opacity *= Number(style.opacity);
    colours = paintLayer(colours, style, opacity);
    // A ::before drawn behind the content (a pattern layer, e.g. the live bar's stripes) paints over the fill.
    const before = getComputedStyle(node, '::before');
    if (before.content !== 'none' && before.content !== 'normal') colours = paintLayer(colours, before, opacity * Number(before.opacity));
  }
  return colours;
}

/** `colours` with one layer (its fill, then its gradient stops) painted over each, at `opacity`. */
function paintLayer(colours: Rgba[], style: CSSStyleDeclaration, opacity: number): Rgba[] {
  const { fill, stops } = layerColours(style);
  const filled = colours.map((below) => composite([fill[0], fill[1], fill[2], fill[3] * opacity], below));
  const patterned = filled.flatMap((below) => stops.map((stop) => composite([stop[0], stop[1], stop[2], stop[3] * opacity], below)));
  return [...filled, ...patterned];
}

/** The lowest contrast of `element`'s text colour (faded by every opacity on the way) against any colour behind it. */
export function worstTextContrast(element: Element): number {
  const backdrops = backdropColours(element);
  const opacity = paintChain(element).reduce((product, node) => product * Number(getComputedStyle(node).opacity), 1);
  const [r, g, b, a] = parseColour(getComputedStyle(element).color);
  return Math.min(...backdrops.map((backdrop) => contrastRatio(composite([r, g, b, a * opacity], backdrop), backdrop)));
}
