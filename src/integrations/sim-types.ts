/**
 * `virtual:sim-types`: the declaration files of the learner's door (src/sim/kernel-api.ts) and of
 * what it exports from, generated at build time with the TypeScript compiler, and the names the
 * door exports; so the lab editor offers completion, hover docs and type errors for
 * 'packet-path/sim' exactly as a lab's code may use it, and nothing more.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

const ID = 'virtual:sim-types';
const RESOLVED = `\0${ID}`;
const SIM_DIR = fileURLToPath(new URL('../sim/', import.meta.url));
const DOOR = `${SIM_DIR}kernel-api.ts`;

export interface SimTypes {
  /** Declaration files by path under the package (kernel-api.d.ts, include/linux/netdevice.d.ts, …), relative imports as .js. */
  files: Record<string, string>;
  /** Every name the door exports, values and types. */
  exports: string[];
}

export function simDeclarations(): SimTypes {
  const files: Record<string, string> = {};
  const program = ts.createProgram([DOOR], {
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
    files[name] = text.replace(/(from |import\()(['"])(\.\.?\/[\w./-]+)\.ts\2/g, '$1$2$3.js$2');
  });
  const checker = program.getTypeChecker();
  const door = checker.getSymbolAtLocation(program.getSourceFile(DOOR)!)!;
  const exports = checker.getExportsOfModule(door).map((s) => s.getName()).sort();
  return { files, exports };
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
