// Minimal types for js-yaml 4 (a dependency of Astro), enough for the chapter checks.
declare module 'js-yaml' {
  export function load(source: string, options?: { filename?: string }): unknown;
  export function dump(value: unknown, options?: { lineWidth?: number; quotingType?: '"' | "'"; forceQuotes?: boolean }): string;
}
