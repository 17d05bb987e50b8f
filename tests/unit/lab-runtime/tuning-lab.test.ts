// A tuning lab: graded on the host the learner's commands left, with the lab's traffic only.
import { beforeAll, describe, expect, it } from 'vitest';
import { isTuningLab, type TuningLab } from '../../../src/lab-runtime/define.ts';
import { labFile, loadLab } from '../../../src/lab-runtime/node-labs.ts';
import { runLab, tunedHost, type LabResult } from '../../../src/lab-runtime/run-lab.ts';

let lab: TuningLab;
beforeAll(async () => {
  const loaded = await loadLab('find-the-drops');
  if (!isTuningLab(loaded)) throw new Error('find-the-drops should be a tuning lab');
  lab = loaded;
});

const failing = (r: LabResult) => r.checks.filter((c) => !c.pass).map((c) => c.id);
const message = (r: LabResult, id: string) => r.checks.find((c) => c.id === id)?.message ?? '';
const RING = 'ethtool -G eth0 rx 4096';
const BACKLOG = 'sysctl -w net.core.netdev_max_backlog=2000';

describe('the find-the-drops tuning lab', () => {
  it('fails the untuned host at both drop points, naming the counters and the settings', () => {
    const r = runLab(lab, labFile('find-the-drops', 'starter.sh'));
    expect(failing(r)).toEqual(['nic', 'backlog', 'delivered']);
    expect(message(r, 'nic')).toMatch(/^[\d\u202f]+ frames never reached the ring: .*rx_missed_errors.* holds 256 descriptors/);
    expect(message(r, 'backlog')).toMatch(/CPU_BACKLOG.*softnet_stat\).*netdev_max_backlog is 300/);
  });

  it('passes the host the solution leaves', () => {
    const r = runLab(lab, labFile('find-the-drops', 'solution.sh'));
    expect(r.status).toBe('passed');
    expect(r.runs[0]!.delivered).toBe(r.runs[0]!.sent);
  });

  it('grades each fix on its own: the ring alone leaves the backlog drops', () => {
    const r = runLab(lab, RING);
    expect(failing(r)).toEqual(['backlog', 'delivered']);
  });

  it('does not count the traffic the learner sent while exploring', () => {
    const explored = runLab(lab, ['run bursts', RING, 'run bursts', 'run ring-overflow --duration 5ms', BACKLOG, 'run bursts'].join('\n'));
    const direct = runLab(lab, [RING, BACKLOG].join('\n'));
    expect(explored.status).toBe('passed');
    expect(explored.runs[0]!.stats).toEqual(direct.runs[0]!.stats);
  });

  it('forgets settings made before a reset, and survives commands that fail', () => {
    expect(runLab(lab, [RING, BACKLOG, 'reset'].join('\n')).status).toBe('failed');
    expect(runLab(lab, ['ethtool -G eth0 rx 99999', 'sysctl -w net.core.nope=1', 'frobnicate', RING, BACKLOG].join('\n')).status).toBe('passed');
  });

  it('shows the checks the host as the learner left it, before any traffic', () => {
    const host = tunedHost(lab, [RING, 'run bursts']);
    expect(host.adapter.rx_ring_count).toBe(4096);
    expect(host.stats().nic.netdev.rx_packets).toBe(0);
  });
});
