declare module 'virtual:sim-types' {
  /** src/sim's declaration files by name (index.d.ts, host.d.ts, …). */
  const files: Record<string, string>;
  export default files;
}
