// The learner's door: learner code reaches the kernel API and nothing else. The three shortcuts a
// learner once took to a full grade — re-exporting the simulator's own poll, booting a second host
// and polling it, calling the function whose body the lab asks for — fail to type-check in the
// editor and are refused by the grader with the door's message; and nothing the simulator hands to
// learner code leads back to the host.
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { simDeclarations } from '../../../src/integrations/sim-types.ts';
import { withheldNames, type CodeLab } from '../../../src/lab-runtime/define.ts';
import { runLab } from '../../../src/lab-runtime/run-lab.ts';
import { constantRate, createHost, Host, reference, type Hooks } from '../../../src/sim/index.ts';
import { napiPollLab, solution } from '../../napi-poll-mistakes.ts';

let lab: CodeLab;
let declarations: ReturnType<typeof simDeclarations>;
beforeAll(async () => {
  lab = await napiPollLab();
  declarations = simDeclarations();
});

const REEXPORT = "export { igb_poll } from 'packet-path/sim';\n";
const SECOND_HOST = `import { createHost, type NapiStruct } from 'packet-path/sim';
const other = createHost();
export function igb_poll(napi: NapiStruct, budget: number): number {
  return other.hooks.igb_poll(napi, budget);
}
`;
const WITHHELD = solution.replace(/import \{/, 'import { igb_clean_rx_irq,').replace(
  /export function igb_poll[\s\S]*$/,
  `export function igb_poll(napi: NapiStruct, budget: number): number {
  const q_vector = container_of(napi, QVector);
  const work_done = igb_clean_rx_irq(q_vector, budget);
  if (work_done < budget && napi_complete_done(napi, work_done)) igb_ring_irq_enable(q_vector);
  return Math.min(work_done, budget);
}
`,
);

/** Type errors of a learner file in the editor's world: 'packet-path/sim' is the door's declarations, less what the lab withholds. */
function editorErrors(source: string, withheld: readonly string[]): string[] {
  const { files, exports } = declarations;
  const virtual = new Map<string, string>(Object.entries(files).map(([f, text]) => [`/node_modules/packet-path/sim/${f}`, text]));
  virtual.set('/node_modules/packet-path/sim/index.d.ts', `export { ${exports.filter((n) => !withheld.includes(n)).join(', ')} } from './kernel-api.js';\n`);
  virtual.set('/learner.ts', source);
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.NodeJs, lib: ['lib.es2022.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => virtual.get(f) ?? read(f);
  host.fileExists = (f) => virtual.has(f) || ts.sys.fileExists(f);
  host.directoryExists = (d) => [...virtual.keys()].some((f) => f.startsWith(`${d}/`)) || ts.sys.directoryExists(d);
  host.getSourceFile = (f, lang) => {
    const text = host.readFile(f);
    return text === undefined ? undefined : ts.createSourceFile(f, text, lang);
  };
  const program = ts.createProgram(['/learner.ts'], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the learner door, in the editor', () => {
  it('types the solution without an error', () => {
    expect(editorErrors(solution, withheldNames(lab))).toEqual([]);
  });

  it.each([
    ['re-exporting the simulator’s poll', REEXPORT, /has no exported member named 'igb_poll'|has no exported member 'igb_poll'/],
    ['booting a second host', SECOND_HOST, /has no exported member 'createHost'/],
    ['calling the function the lab withholds', WITHHELD, /has no exported member 'igb_clean_rx_irq'/],
  ])('refuses %s with a type error', (_what, source, error) => {
    expect(editorErrors(source, withheldNames(lab)).join('\n')).toMatch(error);
  });
});

describe('the learner door, in the grader', () => {
  it.each([
    ['re-exporting the simulator’s poll', REEXPORT, '`igb_poll` is not part of the kernel API in this lab'],
    ['booting a second host', SECOND_HOST, '`createHost` is not part of the kernel API a lab can use'],
    ['calling the function the lab withholds', WITHHELD, '`igb_clean_rx_irq` is not part of the kernel API in this lab: it does the job you are asked to write'],
  ])('grades %s 0, with the door’s message', (_what, source, message) => {
    const r = runLab(lab, source);
    expect(r.score).toBe(0);
    expect(r.status).toBe('error');
    expect(r.error!.message).toContain(message);
    expect(r.checks.every((c) => !c.pass && c.message!.includes(message))).toBe(true);
  });

  it('refuses a name reached any other way, such as a computed property of the namespace', () => {
    const source = "import * as sim from 'packet-path/sim';\nexport const igb_poll = (sim as any)['create' + 'Host']().hooks.igb_poll;\n";
    const r = runLab(lab, source);
    expect(r.score).toBe(0);
    expect(r.error!.message).toContain('`createHost` is not part of the kernel API a lab can use');
  });
});

describe('objects handed to learner code', () => {
  /** Everything reachable from `roots` through own data properties and prototypes (getters are not run). */
  function reachable(roots: unknown[]): { objects: Set<object>; keys: Set<string> } {
    const objects = new Set<object>();
    const keys = new Set<string>();
    const stack = roots.filter((r): r is object => r !== null && (typeof r === 'object' || typeof r === 'function'));
    while (stack.length > 0) {
      const o = stack.pop()!;
      if (objects.has(o) || o === Object.prototype || o === Function.prototype) continue;
      objects.add(o);
      if (ArrayBuffer.isView(o)) continue;
      for (const key of Reflect.ownKeys(o)) {
        if (typeof key === 'string') keys.add(key);
        const d = Object.getOwnPropertyDescriptor(o, key)!;
        if ('value' in d && d.value !== null && (typeof d.value === 'object' || typeof d.value === 'function')) stack.push(d.value as object);
      }
      if (o instanceof Map || o instanceof Set) for (const v of o.values()) if (v !== null && typeof v === 'object') stack.push(v as object);
      const proto = Object.getPrototypeOf(o) as object | null;
      if (proto !== null) stack.push(proto);
    }
    return { objects, keys };
  }

  it('do not lead back to the host: no Host among them and no property named host', () => {
    const seen: unknown[] = [];
    const hooks: Partial<Hooks> = {
      igb_poll: (napi, budget) => (seen.push(napi), reference.igb_poll(napi, budget)),
      igb_msix_ring: (irq, q_vector) => (seen.push(q_vector), reference.igb_msix_ring(irq, q_vector)),
      napi_gro_receive: (napi, skb) => (seen.push(skb), reference.napi_gro_receive(napi, skb)),
      get_rps_cpu: (dev, skb) => (seen.push(dev, skb), reference.get_rps_cpu(dev, skb)),
      __udp_enqueue_schedule_skb: (sk, skb) => (seen.push(sk), reference.__udp_enqueue_schedule_skb(sk, skb)),
      rss_select_queue: (rss, flow) => (seen.push(rss, flow), reference.rss_select_queue(rss, flow)),
    };
    const host = createHost({ hooks, sysfs: { '/sys/class/net/eth0/queues/rx-0/rps_cpus': 'f' } });
    host.run(constantRate({ pps: 100_000, flows: 4 }), { durationNs: 2e6 });
    expect(seen.length).toBeGreaterThan(100);
    const { objects, keys } = reachable(seen);
    expect(objects.size).toBeGreaterThan(1000);
    expect([...objects].some((o) => o instanceof Host)).toBe(false);
    expect(keys.has('host')).toBe(false);
  });
});
