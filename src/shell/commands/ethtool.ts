/**
 * ethtool 6.1 (netlink where 6.1 uses netlink) in front of the simulated igb NIC. Layouts, error
 * texts and exit statuses were read off ethtool 6.1 on Linux 6.18; the netlink extack offsets are
 * computed as the kernel computes them (the attribute's place in the request).
 */
import {
  ethtool_get_channels, ethtool_get_coalesce, ethtool_get_drvinfo, ethtool_get_features, ethtool_get_ringparam,
  ethtool_get_rxfh, ethtool_get_rxfh_fields, ethtool_set_channels, ethtool_set_coalesce, ethtool_set_features,
  ethtool_set_ringparam, ethtool_set_rxfh, ethtool_set_rxfh_fields, KernelError, type Host,
} from '../../sim/index.ts';
import type { Command, Output } from '../types.ts';
import { rxfhIndirFromWeights } from './ethtool-indir.ts';
import { FEATURE_ALIASES, IGB_FEATURES } from './ethtool-features.ts';

const BAD = 'ethtool: bad command line argument(s)\nFor more information run ethtool -h\n';
const bad = (): Output => ({ stdout: '', stderr: BAD, code: 1 });
const out = (stdout: string): Output => ({ stdout, stderr: '', code: 0 });
const err = (stderr: string, code = 1): Output => ({ stdout: '', stderr, code });

type Mode = { flag: string; longs: string[]; nodev: Output; run: (host: Host, dev: string, args: string[]) => Output };

/**
 * A refused netlink request as ethtool prints it: the kernel's extack message if it sent one, with
 * the offset of the attribute it blames if it named one, then strerror of the errno.
 */
function netlinkError(strerror: string, message?: string, offset?: number): string {
  const where = offset === undefined ? '' : ` (offset ${offset})`;
  return (message === undefined ? '' : `netlink error: ${message}${where}\n`) + `netlink error: ${strerror}\n`;
}

/** Where ETHTOOL_A_HEADER_DEV_NAME sits in a request: after nlmsghdr, genlmsghdr and the header nest's own header. */
const DEV_NAME_OFFSET = 16 + 4 + 4;

const NL_NODEV = netlinkError('No such device', 'no device matches name', DEV_NAME_OFFSET);

/** Where the first attribute after ETHTOOL_A_*_HEADER sits: after the header nest with the name. */
function firstAttrOffset(dev: string): number {
  return DEV_NAME_OFFSET + Math.ceil((4 + dev.length + 1) / 4) * 4;
}

/** Where the u32 attribute at `index` after the header sits (each takes 8 bytes). */
function attrOffset(dev: string, index: number): number {
  return firstAttrOffset(dev) + 8 * index;
}

/** strtoul(…, 0) as ethtool's parser takes a u32: decimal, 0x hex or 0 octal, nothing else. */
function parseU32(text: string): number | null {
  if (!/^(0x[0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(text)) return null;
  const v = text.startsWith('0x') ? parseInt(text, 16) : text.length > 1 && text.startsWith('0') ? parseInt(text, 8) : Number(text);
  return v <= 0xffffffff ? v : null;
}

type ParamKind = 'u32' | 'bool';

/** "name value" pairs of -G/-C/-L, with ethtool's wording for each error. */
function parsePairs(flag: string, args: string[], params: Record<string, ParamKind>): { values: [string, number][] } | { error: Output } {
  const values: [string, number][] = [];
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!;
    const kind = params[name];
    if (!kind) return { error: err(`ethtool (${flag}): unknown parameter '${name}'\n`) };
    const v = args[i + 1];
    if (v === undefined) return { error: err(`ethtool (${flag}): no value for parameter '${name}'\n`) };
    const n = kind === 'bool' ? (v === 'on' ? 1 : v === 'off' ? 0 : null) : parseU32(v);
    if (n === null) return { error: err(`ethtool (${flag}): invalid value '${v}' for parameter '${name}'\n`) };
    values.push([name, n]);
  }
  return { values };
}

function noExtraArgs(args: string[], run: () => Output): Output {
  if (args.length > 0) return err(`ethtool: unexpected parameter '${args[0]}'\n`);
  return run();
}

// --- -S ---------------------------------------------------------------------------------

function showStats(host: Host, _dev: string, args: string[]): Output {
  if (args.length > 0) return err(`ethtool (-S): unknown parameter '${args[0]}'\n`);
  const stats = host.stats().nic.ethtool;
  return out('NIC statistics:\n' + stats.map(([k, v]) => `     ${k}: ${v}\n`).join(''));
}

// --- -g / -G ----------------------------------------------------------------------------

function showRings(host: Host, dev: string, args: string[]): Output {
  return noExtraArgs(args, () => {
    const r = ethtool_get_ringparam(host);
    return out(
      `Ring parameters for ${dev}:\nPre-set maximums:\nRX:\t\t${r.rx_max_pending}\nRX Mini:\tn/a\nRX Jumbo:\tn/a\nTX:\t\t${r.tx_max_pending}\n` +
        `Current hardware settings:\nRX:\t\t${r.rx_pending}\nRX Mini:\tn/a\nRX Jumbo:\tn/a\nTX:\t\t${r.tx_pending}\n` +
        'RX Buf Len:\t\tn/a\nCQE Size:\t\tn/a\nTX Push:\toff\nTCP data split:\tn/a\n',
    );
  });
}

const RING_PARAMS: Record<string, ParamKind> = { rx: 'u32', 'rx-mini': 'u32', 'rx-jumbo': 'u32', tx: 'u32', 'rx-buf-len': 'u32', 'cqe-size': 'u32', 'tx-push': 'bool' };
const RING_UNSUPPORTED: Record<string, string> = { 'rx-buf-len': 'setting rx buf len not supported', 'cqe-size': 'setting cqe size not supported', 'tx-push': 'setting tx push not supported' };

function setRings(host: Host, dev: string, args: string[]): Output {
  const p = parsePairs('-G', args, RING_PARAMS);
  if ('error' in p) return p.error;
  const code = 81;
  const index = (name: string) => p.values.findIndex(([n]) => n === name);
  const r = ethtool_get_ringparam(host);
  const get = (name: string) => p.values.find(([n]) => n === name)?.[1];
  // net/ethtool/rings.c: the unsupported settings first, then the maximums in the order rx, rx-mini, rx-jumbo, tx.
  for (const [name, message] of Object.entries(RING_UNSUPPORTED)) {
    const v = get(name);
    if (v !== undefined && v !== 0) return err(netlinkError('Operation not supported', message, attrOffset(dev, index(name))), code);
  }
  const max: [string, number][] = [['rx', r.rx_max_pending], ['rx-mini', 0], ['rx-jumbo', 0], ['tx', r.tx_max_pending]];
  for (const [name, m] of max) {
    const v = get(name);
    if (v !== undefined && v > m) return err(netlinkError('Invalid argument', 'requested ring size exceeds maximum', attrOffset(dev, index(name))), code);
  }
  try {
    ethtool_set_ringparam(host, { rx: get('rx'), tx: get('tx') });
  } catch (e) {
    if (e instanceof KernelError) return err(netlinkError(e.strerror), code);
    throw e;
  }
  return out('');
}

// --- -c / -C ----------------------------------------------------------------------------

function showCoalesce(host: Host, dev: string, args: string[]): Output {
  return noExtraArgs(args, () => {
    const c = ethtool_get_coalesce(host);
    return out(
      `Coalesce parameters for ${dev}:\nAdaptive RX: n/a  TX: n/a\nstats-block-usecs: n/a\nsample-interval: n/a\npkt-rate-low: n/a\npkt-rate-high: n/a\n\n` +
        `rx-usecs: ${c.rx_usecs}\nrx-frames: n/a\nrx-usecs-irq: n/a\nrx-frames-irq: n/a\n\n` +
        `tx-usecs: ${c.tx_usecs}\ntx-frames: n/a\ntx-usecs-irq: n/a\ntx-frames-irq: n/a\n\n` +
        'rx-usecs-low: n/a\nrx-frame-low: n/a\ntx-usecs-low: n/a\ntx-frame-low: n/a\n\n' +
        'rx-usecs-high: n/a\nrx-frame-high: n/a\ntx-usecs-high: n/a\ntx-frame-high: n/a\n\n' +
        'CQE mode RX: n/a  TX: n/a\n\n',
    );
  });
}

/** ethtool -C names in the kernel's attribute order (ETHTOOL_A_COALESCE_*), which is the order it validates in. */
const COALESCE_PARAMS: [string, ParamKind][] = [
  ['rx-usecs', 'u32'], ['rx-frames', 'u32'], ['rx-usecs-irq', 'u32'], ['rx-frames-irq', 'u32'],
  ['tx-usecs', 'u32'], ['tx-frames', 'u32'], ['tx-usecs-irq', 'u32'], ['tx-frames-irq', 'u32'],
  ['stats-block-usecs', 'u32'], ['adaptive-rx', 'bool'], ['adaptive-tx', 'bool'], ['pkt-rate-low', 'u32'],
  ['rx-usecs-low', 'u32'], ['rx-frames-low', 'u32'], ['tx-usecs-low', 'u32'], ['tx-frames-low', 'u32'],
  ['pkt-rate-high', 'u32'], ['rx-usecs-high', 'u32'], ['rx-frames-high', 'u32'], ['tx-usecs-high', 'u32'],
  ['tx-frames-high', 'u32'], ['sample-interval', 'u32'], ['cqe-mode-tx', 'bool'], ['cqe-mode-rx', 'bool'],
];
const IGB_COALESCE = new Set(['rx-usecs', 'tx-usecs']);

function setCoalesce(host: Host, dev: string, args: string[]): Output {
  const p = parsePairs('-C', args, Object.fromEntries(COALESCE_PARAMS));
  if ('error' in p) return p.error;
  for (const [name] of COALESCE_PARAMS) {
    const i = p.values.findIndex(([n]) => n === name);
    if (i >= 0 && !IGB_COALESCE.has(name)) return err(netlinkError('Invalid argument', 'cannot modify an unsupported parameter', attrOffset(dev, i)));
  }
  const cur = ethtool_get_coalesce(host);
  const change: Record<string, number> = {};
  for (const [name, v] of p.values) {
    const key = name.replace('-', '_') as 'rx_usecs' | 'tx_usecs';
    if (cur[key] !== v) change[key] = v;
  }
  if (Object.keys(change).length === 0) return out('');
  try {
    ethtool_set_coalesce(host, change);
  } catch (e) {
    if (e instanceof KernelError) return err(netlinkError(e.strerror));
    throw e;
  }
  return out('');
}

// --- -l / -L ----------------------------------------------------------------------------

function showChannels(host: Host, dev: string, args: string[]): Output {
  return noExtraArgs(args, () => {
    const c = ethtool_get_channels(host);
    return out(
      `Channel parameters for ${dev}:\nPre-set maximums:\nRX:\t\tn/a\nTX:\t\tn/a\nOther:\t\t${c.max_other}\nCombined:\t${c.max_combined}\n` +
        `Current hardware settings:\nRX:\t\tn/a\nTX:\t\tn/a\nOther:\t\t${c.other_count}\nCombined:\t${c.combined_count}\n`,
    );
  });
}

function setChannels(host: Host, dev: string, args: string[]): Output {
  const p = parsePairs('-L', args, { rx: 'u32', tx: 'u32', other: 'u32', combined: 'u32' });
  if ('error' in p) return p.error;
  const get = (name: string) => p.values.find(([n]) => n === name)?.[1];
  const index = (name: string) => p.values.findIndex(([n]) => n === name);
  const c = ethtool_get_channels(host);
  const want = { rx: get('rx') ?? 0, tx: get('tx') ?? 0, other: get('other') ?? c.other_count, combined: get('combined') ?? c.combined_count };
  if (want.rx === 0 && want.tx === 0 && want.other === c.other_count && want.combined === c.combined_count) return out('');
  // net/ethtool/channels.c, in its order.
  const limits: [keyof typeof want, number][] = [['rx', 0], ['tx', 0], ['other', c.max_other], ['combined', c.max_combined]];
  for (const [name, max] of limits) {
    if (want[name] > max) return err(netlinkError('Invalid argument', 'requested channel count exceeds maximum', attrOffset(dev, index(name))));
  }
  if (want.combined + want.rx === 0) {
    const blamed = index(get('combined') !== undefined ? 'combined' : 'rx');
    return err(netlinkError('Invalid argument', 'requested channel counts would result in no RX or TX channel', attrOffset(dev, blamed)));
  }
  try {
    ethtool_set_channels(host, { combined: want.combined });
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    // The kernel's extack for this refusal names no attribute.
    const message = /indirection/.test(e.message) ? 'requested channel counts are too low for existing indirection table settings' : undefined;
    return err(netlinkError(e.strerror, message));
  }
  return out('');
}

// --- -x / -X ----------------------------------------------------------------------------

function indirTable(dev: string, rings: number, indir: number[]): string {
  let s = `RX flow hash indirection table for ${dev} with ${rings} RX ring(s):\n`;
  indir.forEach((q, i) => {
    if (i % 8 === 0) s += `${String(i).padStart(5)}: `;
    s += ' ' + String(q).padStart(5);
    if (i % 8 === 7 || i === indir.length - 1) s += '\n';
  });
  return s;
}

function showRxfh(host: Host, dev: string, args: string[]): Output {
  return noExtraArgs(args, () => {
    const r = ethtool_get_rxfh(host);
    const rings = ethtool_get_channels(host).combined_count;
    return out(
      indirTable(dev, rings, r.indir) +
        'RSS hash key:\nOperation not supported\nRSS hash function:\n' +
        `    toeplitz: ${r.hfunc === 'toeplitz' ? 'on' : 'off'}\n    xor: off\n    crc32: off\n`,
    );
  });
}

function setRxfh(host: Host, _dev: string, args: string[]): Output {
  if (args.length === 0) return bad();
  const size = ethtool_get_rxfh(host).indir.length;
  let indir: number[] | 'default' | undefined;
  let other = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'equal') {
      const n = parseU32(args[++i] ?? '');
      if (n === null || n === 0 || indir !== undefined) return bad();
      indir = Array.from({ length: size }, (_, j) => j % n);
    } else if (a === 'weight') {
      const weights: number[] = [];
      while (i + 1 < args.length && parseU32(args[i + 1]!) !== null) weights.push(parseU32(args[++i]!)!);
      if (weights.length === 0 || indir !== undefined) return bad();
      try {
        indir = rxfhIndirFromWeights(weights, size);
      } catch (e) {
        if (e instanceof KernelError) return err(`Cannot set RX flow hash configuration: ${e.strerror}\n`);
        throw e;
      }
    } else if (a === 'default') {
      if (indir !== undefined) return bad();
      indir = 'default';
    } else if (a === 'hkey' || a === 'hfunc') {
      if (args[++i] === undefined) return bad();
      other = true;
    } else return bad();
  }
  try {
    if (other) ethtool_set_rxfh(host, { hfunc: 'other' });
    ethtool_set_rxfh(host, { indir });
  } catch (e) {
    if (e instanceof KernelError) return err(`Cannot set RX flow hash configuration: ${e.strerror}\n`);
    throw e;
  }
  return out('');
}

// --- -i ---------------------------------------------------------------------------------

function showDriver(host: Host, _dev: string, args: string[]): Output {
  return noExtraArgs(args, () => {
    const d = ethtool_get_drvinfo(host);
    return out(
      `driver: ${d.driver}\nversion: ${d.version}\nfirmware-version: 3.16, 0x800004d6\nexpansion-rom-version: \nbus-info: ${d.busInfo}\n` +
        'supports-statistics: yes\nsupports-test: yes\nsupports-eeprom-access: yes\nsupports-register-dump: yes\nsupports-priv-flags: yes\n',
    );
  });
}

// --- -k / -K ----------------------------------------------------------------------------

/** Features the simulator does not model, as set by -K on this host (forgotten on reset). */
const staticFeatures = new WeakMap<Host, Map<string, boolean>>();

function featureValue(host: Host, name: string): boolean {
  const line = IGB_FEATURES.find((f) => f.name === name)!;
  if (line.live) return ethtool_get_features(host)[line.live];
  return staticFeatures.get(host)?.get(name) ?? line.on;
}

function showFeatures(host: Host, dev: string, args: string[]): Output {
  return noExtraArgs(args, () =>
    out(`Features for ${dev}:\n` + IGB_FEATURES.map((f) => `${f.child ? '\t' : ''}${f.name}: ${featureValue(host, f.name) ? 'on' : 'off'}${f.fixed ? ' [fixed]' : ''}\n`).join('')),
  );
}

function setFeatures(host: Host, dev: string, args: string[]): Output {
  const wanted: [string, boolean][] = [];
  for (let i = 0; i < args.length; i += 2) {
    const v = args[i + 1];
    if (v !== 'on' && v !== 'off') return err(`ethtool (-K): flag '${v ?? '(null)'}' for parameter '(null)' is not followed by 'on' or 'off'\n`);
    const name = FEATURE_ALIASES[args[i]!] ?? args[i]!;
    if (!IGB_FEATURES.some((f) => f.name === name)) return err(netlinkError('Operation not supported', 'bit name not found', firstAttrOffset(dev) + 20), 92);
    wanted.push([name, v === 'on']);
  }
  let changed = false;
  for (const [name, on] of wanted) {
    const line = IGB_FEATURES.find((f) => f.name === name)!;
    if (featureValue(host, name) === on || line.fixed) continue;
    changed = true;
    if (line.live) ethtool_set_features(host, { [line.live]: on });
    else {
      let m = staticFeatures.get(host);
      if (!m) staticFeatures.set(host, (m = new Map()));
      m.set(name, on);
    }
  }
  const fixedRefused = wanted.some(([name, on]) => IGB_FEATURES.find((f) => f.name === name)!.fixed && featureValue(host, name) !== on);
  if (!changed && (wanted.length === 0 || fixedRefused)) return { stdout: 'Could not change any device features\n', stderr: '', code: 1 };
  return out('');
}

// --- -n / -N ----------------------------------------------------------------------------

const FLOW_TYPES: Record<string, string> = { tcp4: 'TCP over IPV4 flows', udp4: 'UDP over IPV4 flows' };
const OTHER_FLOW_TYPES = ['tcp6', 'udp6', 'sctp4', 'sctp6', 'ah4', 'esp4', 'ah6', 'esp6', 'ip4', 'ip6', 'ether'];

function hashFieldLines(fields: string): string {
  if (fields === '') return 'None\n';
  const names: Record<string, string> = { s: 'IP SA', d: 'IP DA', f: 'L4 bytes 0 & 1 [TCP/UDP src port]', n: 'L4 bytes 2 & 3 [TCP/UDP dst port]' };
  return [...'sdfn'].filter((c) => fields.includes(c)).map((c) => names[c]! + '\n').join('') + '\n';
}

function showNfc(host: Host, _dev: string, args: string[]): Output {
  if (args.length === 0) {
    const rings = ethtool_get_channels(host).combined_count;
    return out(`${rings} RX rings available\nTotal 0 rules\n\n`);
  }
  if (args[0] !== 'rx-flow-hash' && args[0] !== 'flow-hash') return bad();
  const type = args[1];
  if (type === undefined || args.length > 2) return bad();
  if (type in FLOW_TYPES) {
    const fields = ethtool_get_rxfh_fields(host, type as 'tcp4' | 'udp4');
    return out(`${FLOW_TYPES[type]} use these fields for computing Hash flow key:\n${hashFieldLines(fields)}`);
  }
  if (OTHER_FLOW_TYPES.includes(type)) return err('Cannot get RX network flow hashing options: Operation not supported\n');
  return bad();
}

function setNfc(host: Host, _dev: string, args: string[]): Output {
  if ((args[0] !== 'rx-flow-hash' && args[0] !== 'flow-hash') || args.length !== 3) return bad();
  const type = args[1]!;
  const fields = args[2]!;
  if (!(type in FLOW_TYPES) && !OTHER_FLOW_TYPES.includes(type)) return bad();
  if (!/^[mvtsdfnr]+$/.test(fields)) return bad();
  // ethtool 6.1 prints the failure but exits 0 (measured).
  if (!(type in FLOW_TYPES)) return { stdout: '', stderr: 'Cannot change RX network flow hashing options: Operation not supported\n', code: 0 };
  try {
    ethtool_set_rxfh_fields(host, type as 'tcp4' | 'udp4', fields);
  } catch (e) {
    if (e instanceof KernelError) return { stdout: '', stderr: `Cannot change RX network flow hashing options: ${e.strerror}\n`, code: 0 };
    throw e;
  }
  return out('');
}

// --- ethtool DEV -------------------------------------------------------------------------

function linkSettings(host: Host, dev: string): string {
  const modes = '10baseT/Half 10baseT/Full\n\t                        100baseT/Half 100baseT/Full\n\t                        1000baseT/Full';
  return (
    `Settings for ${dev}:\n\tSupported ports: [ TP ]\n\tSupported link modes:   ${modes}\n\tSupported pause frame use: Symmetric\n` +
    `\tSupports auto-negotiation: Yes\n\tSupported FEC modes: Not reported\n\tAdvertised link modes:  ${modes}\n` +
    '\tAdvertised pause frame use: Symmetric\n\tAdvertised auto-negotiation: Yes\n\tAdvertised FEC modes: Not reported\n' +
    '\tSpeed: 1000Mb/s\n\tDuplex: Full\n\tAuto-negotiation: on\n\tPort: Twisted Pair\n\tPHYAD: 1\n\tTransceiver: internal\n' +
    '\tMDI-X: off (auto)\n\tSupports Wake-on: pumbg\n\tWake-on: g\n        Current message level: 0x00000007 (7)\n' +
    `                               drv probe link\n\tLink detected: ${host.dev.running ? 'yes' : 'no'}\n`
  );
}

const MODES: Mode[] = [
  { flag: '-S', longs: ['--statistics'], nodev: err('Cannot get stats strings information: No such device\n', 96), run: showStats },
  { flag: '-g', longs: ['--show-ring'], nodev: err(NL_NODEV), run: showRings },
  { flag: '-G', longs: ['--set-ring'], nodev: err(NL_NODEV, 81), run: setRings },
  { flag: '-c', longs: ['--show-coalesce'], nodev: err(NL_NODEV), run: showCoalesce },
  { flag: '-C', longs: ['--coalesce'], nodev: err(NL_NODEV), run: setCoalesce },
  { flag: '-l', longs: ['--show-channels'], nodev: err(NL_NODEV), run: showChannels },
  { flag: '-L', longs: ['--set-channels'], nodev: err(NL_NODEV), run: setChannels },
  { flag: '-x', longs: ['--show-rxfh-indir', '--show-rxfh'], nodev: err('Cannot get RX ring count: No such device\n'), run: showRxfh },
  { flag: '-X', longs: ['--set-rxfh-indir', '--rxfh'], nodev: err('Cannot get RX ring count: No such device\n'), run: setRxfh },
  { flag: '-i', longs: ['--driver'], nodev: err('Cannot get driver information: No such device\n', 71), run: showDriver },
  { flag: '-k', longs: ['--show-features', '--show-offload'], nodev: err(NL_NODEV), run: showFeatures },
  { flag: '-K', longs: ['--features', '--offload'], nodev: err(NL_NODEV, 92), run: setFeatures },
  {
    flag: '-n', longs: ['--show-nfc', '--show-ntuple', '-u'],
    nodev: err('Cannot get RX rings: No such device\nrxclass: Cannot get RX class rule count: No such device\nRX classification rule retrieval failed\n'),
    run: showNfc,
  },
  { flag: '-N', longs: ['--config-nfc', '--config-ntuple', '-U'], nodev: { stdout: '', stderr: 'Cannot change RX network flow hashing options: No such device\n', code: 0 }, run: setNfc },
];

const HELP = `ethtool version 6.1
Usage:
        ethtool [ FLAGS ]  DEVNAME\tDisplay standard information about device
        ethtool [ FLAGS ] -S|--statistics DEVNAME\tShow adapter statistics
        ethtool [ FLAGS ] -g|--show-ring DEVNAME\tQuery RX/TX ring parameters
        ethtool [ FLAGS ] -G|--set-ring DEVNAME\tSet RX/TX ring parameters
                [ rx N ]
                [ rx-mini N ]
                [ rx-jumbo N ]
                [ tx N ]
        ethtool [ FLAGS ] -c|--show-coalesce DEVNAME\tShow coalesce options
        ethtool [ FLAGS ] -C|--coalesce DEVNAME\tSet coalesce options
                [ rx-usecs N ]
                [ tx-usecs N ]
        ethtool [ FLAGS ] -l|--show-channels DEVNAME\tQuery Channels
        ethtool [ FLAGS ] -L|--set-channels DEVNAME\tSet Channels
                [ combined N ]
        ethtool [ FLAGS ] -x|--show-rxfh-indir|--show-rxfh DEVNAME\tShow Rx flow hash indirection table and/or RSS hash key
        ethtool [ FLAGS ] -X|--set-rxfh-indir|--rxfh DEVNAME\tSet Rx flow hash indirection table and/or RSS hash key
                [ equal N | weight W0 W1 ... | default ]
        ethtool [ FLAGS ] -i|--driver DEVNAME\tShow driver information
        ethtool [ FLAGS ] -k|--show-features|--show-offload DEVNAME\tGet state of protocol offload and other features
        ethtool [ FLAGS ] -K|--features|--offload DEVNAME\tSet protocol offload and other features
                FEATURE on|off ...
        ethtool [ FLAGS ] -n|-u|--show-nfc|--show-ntuple DEVNAME\tShow Rx network flow classification options or rules
                [ rx-flow-hash tcp4|udp4 ]
        ethtool [ FLAGS ] -N|-U|--config-nfc|--config-ntuple DEVNAME\tConfigure Rx network flow classification options or rules
                rx-flow-hash tcp4|udp4 m|v|t|s|d|f|n|r...
        ethtool [ FLAGS ] -h|--help \t\tShow this help
        ethtool [ FLAGS ] --version \t\tShow version number
`;

export const ethtool: Command = {
  name: 'ethtool',
  page: {
    summary: 'query or control the NIC: statistics, rings, coalescing, channels, RSS, features',
    body: `SYNOPSIS
       ethtool -S|-g|-c|-l|-x|-i|-k DEV
       ethtool -G DEV [rx N] [tx N]
       ethtool -C DEV [rx-usecs N]
       ethtool -L DEV [combined N]
       ethtool -X DEV equal N | weight W0 W1 ... | default
       ethtool -K DEV gro|rxhash on|off
       ethtool -n DEV [rx-flow-hash tcp4|udp4]
       ethtool -N DEV rx-flow-hash tcp4|udp4 sd|sdfn
DESCRIPTION
       -S  the driver's counters (igb: rx_missed_errors, rx_no_buffer_count, rx_queue_N_drops ...)
       -g/-G  RX/TX descriptor ring sizes (igb: 64..4096, a multiple of 8); resizing resets the rings
       -c/-C  interrupt coalescing: rx-usecs 0, 1, 3 (dynamic) or 10..10000
       -l/-L  channels: igb pairs RX and TX queues as "combined"
       -x/-X  the RSS indirection table (128 entries on igb)
       -k/-K  offloads; generic-receive-offload and receive-hashing are simulated
`,
  },
  run(ctx) {
    const host = ctx.state.host;
    const args = ctx.argv.slice(1);
    const first = args[0];
    if (first === undefined) return bad();
    if (first === '-h' || first === '--help') return out(HELP);
    if (first === '--version') return out('ethtool version 6.1\n');
    if (!first.startsWith('-')) {
      if (args.length > 1) return bad();
      if (first !== host.dev.name) return err(NL_NODEV.repeat(5) + 'No data available\n', 75);
      return out(linkSettings(host, first));
    }
    const mode = MODES.find((m) => m.flag === first || m.longs.includes(first));
    const dev = args[1];
    if (!mode || dev === undefined) return bad();
    if (dev !== host.dev.name) {
      if (mode.flag === '-n' && args[2] !== undefined) return err('Cannot get RX network flow hashing options: No such device\n');
      return mode.nodev;
    }
    return mode.run(host, dev, args.slice(2));
  },
  // A mode's flag, then the device; or the device alone (ethtool DEV).
  complete(words, word, state) {
    if (words.length === 1 && word.startsWith('-')) return MODES.map((m) => m.flag).filter((f) => f.startsWith(word));
    return words.length <= 2 ? [state.host.dev.name].filter((n) => n.startsWith(word)) : [];
  },
};
