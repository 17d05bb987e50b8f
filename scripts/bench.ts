/**
 * npm run bench [-- --json]: whole-path simulator throughput (simulated packets per wall-clock
 * second, every counter and the trace on) beside a bare loop that moves the same packets through
 * arrays standing for the ring, the backlog and the socket queue, in the same process; and the
 * time from Run to results of the napi-poll lab in Node.
 */
import { createHost, manyFlows } from '../src/sim/index.ts';
import { labFile, loadLab } from '../src/lab-runtime/node-labs.ts';
import { runLab } from '../src/lab-runtime/run-lab.ts';
import type { Flow } from '../src/sim/include/net/flow_dissector.ts';
import { IPPROTO_UDP } from '../src/sim/include/uapi/linux/in.ts';

const STANDARD = manyFlows({ pps: 1_000_000, flows: 64 });
const DURATION_NS = 1e9;
/**
 * Rounds of each measurement. V8 reaches its steady code for the simulator only after a few rounds
 * (measured on this VM: from the 2nd to the 4th, as it recompiles for a second host's objects), so
 * of 5 rounds often one or two were steady; of 10, several are.
 */
const ROUNDS = 10;

function simulator(): { packets: number; seconds: number } {
  const host = createHost({ seed: 1 });
  const t0 = performance.now();
  const r = host.run(STANDARD, { durationNs: DURATION_NS });
  return { packets: r.sent, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The floor: the same number of packets, each an object with a frame's fields, built and moved
 * through arrays, with nothing else.
 */
interface BarePacket {
  id: number;
  flow: Flow;
  len: number;
  time: number;
  seq: number;
  tcpFlags: number;
  faults: number;
}

function bareLoop(n: number): { packets: number; seconds: number } {
  const flows: Flow[] = Array.from({ length: 64 }, (_, i) => ({ id: i, proto: IPPROTO_UDP, saddr: 0x0a000100 + i, sport: 40000 + i, daddr: 0x0a000001, dport: 9000 }));
  const rings: BarePacket[][] = [[], [], [], []];
  const backlog: BarePacket[] = [];
  const socket: BarePacket[] = [];
  let read = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const flow = flows[i & 63]!;
    rings[flow.id & 3]!.push({ id: i, flow, len: 92, time: i, seq: 0, tcpFlags: 0, faults: 0 });
    if ((i & 63) === 63) {
      for (const ring of rings) for (let p = ring.shift(); p; p = ring.shift()) backlog.push(p);
      for (let p = backlog.shift(); p; p = backlog.shift()) socket.push(p);
      for (let p = socket.shift(); p; p = socket.shift()) read += p.len > 0 ? 1 : 0;
    }
  }
  return { packets: read, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The best rate of each over ROUNDS rounds, the two taking turns: a slow spell of the machine (a
 * virtual one shares its cores) then falls on both rather than on one, and the ratio stays put.
 */
function bestOfEach(runs: (() => { packets: number; seconds: number })[]): number[] {
  const rates = runs.map(() => 0);
  for (let i = 0; i < ROUNDS; i++) {
    runs.forEach((run, k) => {
      const { packets, seconds } = run();
      rates[k] = Math.max(rates[k]!, packets / seconds);
    });
  }
  return rates;
}

/** Run → results for the napi-poll lab's reference solution in Node: transpile, simulate every scenario, check. */
async function labRunMs(): Promise<number> {
  const lab = await loadLab('napi-poll');
  const source = labFile('napi-poll', 'solution.ts');
  let fastest = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    runLab(lab, source);
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return fastest;
}

const [packetsPerSecond, baselinePacketsPerSecond] = bestOfEach([simulator, () => bareLoop(1_000_000)]) as [number, number];
const ratio = packetsPerSecond / baselinePacketsPerSecond;
const napiLabRunMs = await labRunMs();

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ packetsPerSecond: Math.round(packetsPerSecond), baselinePacketsPerSecond: Math.round(baselinePacketsPerSecond), ratio: Number(ratio.toFixed(4)), napiLabRunMs: Math.round(napiLabRunMs) }));
} else {
  const m = (x: number) => `${(x / 1e6).toFixed(2)} M`;
  console.log(`scenario     ${STANDARD.name}: ${STANDARD.pps / 1e6} Mpps offered, ${STANDARD.flows.length} flows, ${DURATION_NS / 1e9} s simulated, best of ${ROUNDS}`);
  console.log(`simulator    ${m(packetsPerSecond)} simulated packets per wall-clock second (target ≥ 1.00 M)`);
  console.log(`bare loop    ${m(baselinePacketsPerSecond)} packets per second`);
  console.log(`ratio        ${ratio.toFixed(3)} (target ≥ 0.25)`);
  console.log(`napi-poll    ${napiLabRunMs.toFixed(0)} ms from Run to results in Node (transpile + simulate + check; target in the browser < 300 ms)`);
}
