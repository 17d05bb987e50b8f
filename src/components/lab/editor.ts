/**
 * The lab's code editor: Monaco with TypeScript, typed against the simulator's declarations so the
 * learner gets completion, hover docs and red squiggles; its theme follows the site's.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import { ModuleKind, ModuleResolutionKind, ScriptTarget, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import simTypes from 'virtual:sim-types';

let configured = false;

function configure(): void {
  if (configured) return;
  configured = true;
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
  };
  typescriptDefaults.setCompilerOptions({
    allowNonTsExtensions: true,
    target: ScriptTarget.ESNext,
    module: ModuleKind.ESNext,
    // Finds file:///node_modules/packet-path/sim/index.d.ts (setDoor) for 'packet-path/sim'.
    moduleResolution: ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    lib: ['es2022'], // learner code runs in a worker: no DOM
  });
  for (const [file, text] of Object.entries(simTypes.files)) {
    typescriptDefaults.addExtraLib(text, `file:///node_modules/packet-path/sim/${file}`);
  }
}

/** 'packet-path/sim' for one lab: the door without the names the lab withholds, so importing one is a type error. */
function setDoor(withheld: readonly string[]): void {
  const names = simTypes.exports.filter((n) => !withheld.includes(n));
  typescriptDefaults.addExtraLib(`export { ${names.join(', ')} } from './kernel-api.js';\n`, 'file:///node_modules/packet-path/sim/index.d.ts');
}

const theme = () => (document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs');

export interface LabEditor {
  getValue(): string;
  setValue(code: string): void;
  onChange(fn: () => void): void;
  onRun(fn: () => void): void;
  focus(): void;
}

export function createEditor(host: HTMLElement, labId: string, code: string, withheld: readonly string[]): LabEditor {
  configure();
  setDoor(withheld);
  const model = monaco.editor.createModel(code, 'typescript', monaco.Uri.parse(`file:///labs/${labId}/learner.ts`));
  const editor = monaco.editor.create(host, {
    model,
    theme: theme(),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    tabSize: 2,
    ariaLabel: `Code editor for the ${labId} lab. Control+Enter runs your code; Control+M switches Tab between indenting and moving the focus out.`,
  });
  new MutationObserver(() => monaco.editor.setTheme(theme())).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return {
    getValue: () => model.getValue(),
    setValue: (v) => model.setValue(v),
    onChange: (fn) => void model.onDidChangeContent(fn),
    onRun: (fn) => void editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, fn),
    focus: () => editor.focus(),
  };
}
