/**
 * `virtual:sim-types`: the declaration files of src/sim, generated at build time with the
 * TypeScript compiler, so the lab editor offers completion, hover docs and type errors for
 * 'packet-path/sim' exactly as the simulator declares it.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

const ID = 'virtual:sim-types';
const RESOLVED = `\0${ID}`;
const SIM_DIR = fileURLToPath(new URL('../sim/', import.meta.url));

/** Declarations of src/sim keyed by file name (index.d.ts, host.d.ts, …), relative imports as .js. */
export function simDeclarations(): Record<string, string> {
  const files: Record<string, string> = {};
  const program = ts.createProgram([`${SIM_DIR}index.ts`], {
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    lib: ['lib.es2023.d.ts'],
    types: [],
  });
  program.emit(undefined, (fileName, text) => {
    const name = relative(SIM_DIR, fileName.replace(/\.d\.ts$/, '.ts')).replace(/\.ts$/, '.d.ts');
    files[name] = text.replace(/from '(\.\/[\w-]+)\.ts'/g, "from '$1.js'").replace(/import\("(\.\/[\w-]+)\.ts"\)/g, 'import("$1.js")');
  });
  return files;
}

export function simTypes(): Plugin {
  return {
    name: 'packet-path:sim-types',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      for (const f of ts.sys.readDirectory(SIM_DIR, ['.ts'])) this.addWatchFile(f);
      return `export default ${JSON.stringify(simDeclarations())};`;
    },
  };
}
