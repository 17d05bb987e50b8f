declare module 'virtual:sim-types' {
  /** The learner door's declaration files by path (kernel-api.d.ts, include/linux/netdevice.d.ts, …), and the names it exports. */
  const types: { files: Record<string, string>; exports: string[] };
  export default types;
}
