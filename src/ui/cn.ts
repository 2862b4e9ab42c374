/** Joins class names, skipping empty ones (the user's className comes last so it wins ties). */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}
