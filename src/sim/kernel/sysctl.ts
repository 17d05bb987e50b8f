// The sysctl table of the simulated host: /proc/sys/net/{core,ipv4} knobs with
// Linux 6.18's names, defaults, proc handlers, ranges and refusals.
//
// Values are given out typed (SysctlValue): the shell prints them as the
// handlers' read side does. Writes are parsed as the kernel's handlers parse
// one write(2) to the proc file (kernel/sysctl.c proc_get_long & co.),
// including their quirks:
// base-0 numbers ("0x10" is 16, "010" is 8), trailing text after a blank is
// ignored, and a vector write that fails half-way keeps the elements it had
// already stored. Every fact here was checked on a 6.18 kernel (HZ=250).

import { KernelError } from '../include/linux/errno.ts';
import { NETDEV_RSS_KEY_LEN } from '../include/linux/netdevice.ts';
import { SOCK_MIN_RCVBUF, SOCK_MIN_SNDBUF } from '../include/net/sock.ts';

export interface SysctlContext {
  nrCpus: number;
  hz: number;
  /** 52 bytes, what net.core.netdev_rss_key shows (all zeros until a driver asks for the key). */
  rssKey: Uint8Array;
  /**
   * Qdiscs default_qdisc may name: those built in plus those a modprobe would
   * load. Default: the built-in six and the modules a distribution ships.
   */
  qdiscs?: readonly string[];
  /**
   * nr_free_buffer_pages() at boot, from which udp_mem, tcp_mem and the
   * maxima of tcp_rmem/tcp_wmem are computed. Default: a 24 GiB host.
   */
  nrFreeBufferPages?: number;
}

// ---------------------------------------------------------------------------
// Constants


const INT_MAX = 2147483647;
const U8_MAX = 255;

/** Registered by pktsched_init() in every kernel. */
const BUILTIN_QDISCS = ['pfifo_fast', 'pfifo', 'bfifo', 'pfifo_head_drop', 'mq', 'noqueue'];
/** sch_* modules of a typical distribution kernel (request_module loads them on demand). */
const MODULE_QDISCS = [
  'cake', 'cbs', 'choke', 'clsact', 'codel', 'drr', 'etf', 'ets', 'fq', 'fq_codel', 'fq_pie', 'gred',
  'hfsc', 'hhf', 'htb', 'ingress', 'mqprio', 'multiq', 'netem', 'pie', 'plug', 'prio', 'qfq', 'red',
  'sfb', 'sfq', 'skbprio', 'taprio', 'tbf',
];
export const DEFAULT_QDISCS: readonly string[] = [...BUILTIN_QDISCS, ...MODULE_QDISCS];

/** Gives udp_mem = 575799 767734 1151598 and tcp_mem = 287898 383867 575796, as measured. */
const DEFAULT_FREE_BUFFER_PAGES = 6141872;

// ---------------------------------------------------------------------------
// The table, as data

type Kind =
  | 'int' //       proc_dointvec / proc_dointvec_minmax (and wrappers that only add side effects)
  | 'intvec' //    proc_dointvec_minmax on an int array
  | 'ulongvec' //  proc_doulongvec_minmax
  | 'u8' //        proc_dou8vec_minmax
  | 'jiffies' //   proc_dointvec_jiffies: shown in seconds, kept in jiffies
  | 'pow2' //      flow_limit_table_len_sysctl: proc_dointvec, then power of two or EINVAL
  | 'sockflow' //  rps_sock_flow_sysctl: 0..2^29, rounded up to a power of two
  | 'cpumask' //   cpumask_parse() / "%*pb"
  | 'qdisc' //     set_default_qdisc: proc_dostring + qdisc_set_default
  | 'rsskey'; //   proc_do_rss_key, mode 0444

type Value = number | number[] | bigint[] | string;

/**
 * A sysctl's value, typed by how its proc handler prints it: one integer; a vector, its values
 * tab-separated (proc_dointvec, proc_doulongvec_minmax); a CPU mask of `nbits` CPUs as its 32-bit
 * words, lowest first ("%*pb"); a string (proc_dostring); bytes ("%*phC", proc_do_rss_key).
 */
export type SysctlValue =
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'vector'; readonly value: readonly number[] | readonly bigint[] }
  | { readonly type: 'cpumask'; readonly value: readonly number[]; readonly nbits: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'bytes'; readonly value: Uint8Array };

interface Ctx {
  nrCpus: number;
  hz: number;
  rssKey: Uint8Array;
  qdiscs: ReadonlySet<string>;
  pages: number;
}

interface Knob {
  name: string;
  kind: Kind;
  /** The kernel function that handles the file. */
  handler: string;
  def: (c: Ctx) => Value;
  help: string;
  min?: (c: Ctx) => number;
  max?: number;
  /** Vector length. */
  len?: number;
  /** flow_limit_cpu_bitmap parses into a scratch mask; rps_default_mask parses in place. */
  inPlace?: boolean;
}

const one = (): number => 1;
const zero = (): number => 0;

// udp_init()/tcp_init_mem(): limits from free memory, in pages.
function memPages(pages: number, div: number): bigint[] {
  const limit = Math.max(Math.floor(pages / div), 128);
  const low = Math.floor(limit / 4) * 3;
  return [BigInt(low), BigInt(limit), BigInt(low * 2)];
}

// tcp_init(): the maxima of tcp_wmem/tcp_rmem, capped at 4 MiB / 32 MiB.
const tcpShare = (pages: number, cap: number): number => Math.min(cap, pages * 32);

const KNOBS: readonly Knob[] = [
  // net.core — net/core/sysctl_net_core.c, defaults in net/core/hotdata.c
  { name: 'net.core.busy_poll', kind: 'int', handler: 'proc_dointvec_minmax', min: zero, def: () => 0,
    help: 'µs to busy-poll the device queue in poll()/select() (0: off)' },
  { name: 'net.core.busy_read', kind: 'int', handler: 'proc_dointvec_minmax', min: zero, def: () => 0,
    help: 'µs to busy-poll the device queue on a socket read (0: off)' },
  { name: 'net.core.default_qdisc', kind: 'qdisc', handler: 'set_default_qdisc', def: () => 'pfifo_fast',
    help: 'qdisc attached to new devices; must name a registered qdisc' },
  { name: 'net.core.dev_weight', kind: 'int', handler: 'proc_do_dev_weight', min: one, def: () => 64,
    help: 'packets the backlog NAPI (RPS, netif_rx) handles per poll; not the driver NAPI weight' },
  { name: 'net.core.dev_weight_rx_bias', kind: 'int', handler: 'proc_do_dev_weight', min: one, def: () => 1,
    help: 'dev_rx_weight = dev_weight * dev_weight_rx_bias' },
  { name: 'net.core.dev_weight_tx_bias', kind: 'int', handler: 'proc_do_dev_weight', min: one, def: () => 1,
    help: 'dev_tx_weight = dev_weight * dev_weight_tx_bias (packets per qdisc run)' },
  { name: 'net.core.flow_limit_cpu_bitmap', kind: 'cpumask', handler: 'flow_limit_cpu_sysctl',
    def: (c) => new Array<number>(Math.ceil(c.nrCpus / 32)).fill(0),
    help: 'hex mask of the CPUs whose backlog applies the per-flow limit' },
  { name: 'net.core.flow_limit_table_len', kind: 'pow2', handler: 'flow_limit_table_len_sysctl', def: () => 4096,
    help: 'buckets of the flow-limit table (power of two); applies to tables allocated later' },
  { name: 'net.core.gro_normal_batch', kind: 'int', handler: 'proc_dointvec_minmax', min: one, def: () => 8,
    help: 'GRO-completed packets gathered before they are passed up as a list' },
  { name: 'net.core.max_skb_frags', kind: 'int', handler: 'proc_dointvec_minmax', min: one, max: 17, def: () => 17,
    help: 'page fragments per skb for GSO (1..MAX_SKB_FRAGS)' },
  { name: 'net.core.message_burst', kind: 'int', handler: 'proc_dointvec', def: () => 10,
    help: 'net_ratelimit(): messages allowed in a burst' },
  { name: 'net.core.message_cost', kind: 'jiffies', handler: 'proc_dointvec_jiffies', def: () => 5,
    help: 'net_ratelimit(): seconds between bursts of warnings' },
  { name: 'net.core.netdev_budget', kind: 'int', handler: 'proc_dointvec', def: () => 300,
    help: 'packets one net_rx_action run may process across all NAPI polls' },
  { name: 'net.core.netdev_budget_usecs', kind: 'int', handler: 'proc_dointvec_minmax',
    min: (c) => Math.floor((2 * 1000000) / c.hz), def: (c) => Math.floor((2 * 1000000) / c.hz),
    help: 'µs one net_rx_action run may take (at least 2 jiffies)' },
  { name: 'net.core.netdev_max_backlog', kind: 'int', handler: 'proc_dointvec', def: () => 1000,
    help: 'packets a CPU backlog queue (RPS, netif_rx) holds before it drops' },
  { name: 'net.core.netdev_rss_key', kind: 'rsskey', handler: 'proc_do_rss_key', def: () => '',
    help: 'the per-boot RSS key shared by all NICs (read-only)' },
  { name: 'net.core.netdev_tstamp_prequeue', kind: 'int', handler: 'proc_dointvec', def: () => 1,
    help: 'timestamp packets before RPS (1) or after it, on the target CPU (0)' },
  { name: 'net.core.optmem_max', kind: 'int', handler: 'proc_dointvec_minmax', min: zero, def: () => 131072,
    help: 'bytes of ancillary data (option memory) per socket' },
  { name: 'net.core.rmem_default', kind: 'int', handler: 'proc_dointvec_minmax', min: () => SOCK_MIN_RCVBUF,
    def: () => 212992, help: 'default socket receive buffer (bytes of truesize)' },
  { name: 'net.core.rmem_max', kind: 'int', handler: 'proc_dointvec_minmax', min: () => SOCK_MIN_RCVBUF,
    def: () => 4194304, help: 'largest receive buffer SO_RCVBUF may set' },
  { name: 'net.core.rps_default_mask', kind: 'cpumask', handler: 'rps_default_mask_sysctl', inPlace: true,
    def: (c) => new Array<number>(Math.ceil(c.nrCpus / 32)).fill(0), help: 'rps_cpus given to the RX queues of devices created later' },
  { name: 'net.core.rps_sock_flow_entries', kind: 'sockflow', handler: 'rps_sock_flow_sysctl', def: () => 0,
    help: 'RFS global flow table size (rounded up to a power of two; 0: RFS off)' },
  { name: 'net.core.skb_defer_max', kind: 'int', handler: 'proc_dointvec_minmax', min: zero, def: () => 64,
    help: 'skbs a CPU may defer for freeing by the CPU that allocated them' },
  { name: 'net.core.somaxconn', kind: 'int', handler: 'proc_dointvec_minmax', min: zero, def: () => 4096,
    help: 'upper bound on the listen() backlog' },
  { name: 'net.core.wmem_default', kind: 'int', handler: 'proc_dointvec_minmax', min: () => SOCK_MIN_SNDBUF,
    def: () => 212992, help: 'default socket send buffer (bytes)' },
  { name: 'net.core.wmem_max', kind: 'int', handler: 'proc_dointvec_minmax', min: () => SOCK_MIN_SNDBUF,
    def: () => 4194304, help: 'largest send buffer SO_SNDBUF may set' },

  // net.ipv4 — net/ipv4/sysctl_net_ipv4.c, devinet.c
  { name: 'net.ipv4.ip_forward', kind: 'int', handler: 'devinet_sysctl_forward', def: () => 0,
    help: 'forward packets between interfaces (0: host, non-zero: router)' },
  { name: 'net.ipv4.tcp_adv_win_scale', kind: 'int', handler: 'proc_dointvec_minmax', min: () => -31, max: 31,
    def: () => 1, help: 'share of the receive buffer kept as overhead, as a power of two' },
  { name: 'net.ipv4.tcp_early_demux', kind: 'u8', handler: 'proc_dou8vec_minmax', def: () => 1,
    help: 'look up the TCP socket in ip_rcv_finish to skip the route lookup' },
  { name: 'net.ipv4.tcp_limit_output_bytes', kind: 'int', handler: 'proc_dointvec', def: () => 4194304,
    help: 'TCP Small Queues: bytes a flow may have queued below the socket' },
  { name: 'net.ipv4.tcp_mem', kind: 'ulongvec', len: 3, handler: 'proc_doulongvec_minmax',
    def: (c) => memPages(c.pages, 16), help: 'TCP memory pressure thresholds: low pressure high (pages)' },
  { name: 'net.ipv4.tcp_rmem', kind: 'intvec', len: 3, handler: 'proc_dointvec_minmax', min: one,
    def: (c) => [4096, 131072, tcpShare(c.pages, 32 * 1024 * 1024)],
    help: 'TCP receive buffer: min default max (bytes)' },
  { name: 'net.ipv4.tcp_wmem', kind: 'intvec', len: 3, handler: 'proc_dointvec_minmax', min: one,
    def: (c) => [4096, 16384, tcpShare(c.pages, 4 * 1024 * 1024)],
    help: 'TCP send buffer: min default max (bytes)' },
  { name: 'net.ipv4.udp_early_demux', kind: 'u8', handler: 'proc_dou8vec_minmax', def: () => 1,
    help: 'look up the connected UDP socket in ip_rcv_finish' },
  { name: 'net.ipv4.udp_mem', kind: 'ulongvec', len: 3, handler: 'proc_doulongvec_minmax',
    def: (c) => memPages(c.pages, 8), help: 'UDP memory thresholds: low pressure high (pages)' },
  { name: 'net.ipv4.udp_rmem_min', kind: 'int', handler: 'proc_dointvec_minmax', min: one, def: () => 4096,
    help: 'receive buffer every UDP socket may use even under memory pressure' },
  { name: 'net.ipv4.udp_wmem_min', kind: 'int', handler: 'proc_dointvec_minmax', min: one, def: () => 4096,
    help: 'send buffer every UDP socket may use even under memory pressure' },
];

const KNOB_BY_NAME: ReadonlyMap<string, Knob> = new Map(KNOBS.map((k) => [k.name, k]));

// ---------------------------------------------------------------------------
// Paths

/** 'net.core.x' → '/proc/sys/net/core/x' (sysctl(8) also accepts '/' as the separator). */
export function sysctlPath(name: string): string {
  return '/proc/sys/' + name.replace(/^\/+/, '').replace(/\./g, '/');
}

// ---------------------------------------------------------------------------
// Parsing as kernel/sysctl.c does

const TMPBUFLEN = 22;
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
/** proc_wspace_sep: what may follow a number. */
const isWspaceSep = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
/** hex_to_bin */
const hexVal = (c: string | undefined): number => (c !== undefined && /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1);

const ULONG_MAX = (1n << 64n) - 1n;

class Cursor {
  pos = 0;
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
  get left(): number {
    return this.s.length - this.pos;
  }
  /** proc_skip_spaces */
  skipSpaces(): void {
    while (this.left && isSpace(this.s[this.pos])) this.pos++;
  }
  /**
   * proc_get_long: an optional '-', then a number in base 0 (0x hex, 0 octal)
   * ending at the end of the write or at a blank; at most 21 characters.
   */
  getLong(): { val: bigint; neg: boolean } | null {
    const size = this.left;
    if (size <= 0) return null;
    const tmp = this.s.slice(this.pos, this.pos + Math.min(size, TMPBUFLEN - 1));
    let p = 0;
    let neg = false;
    if (tmp[0] === '-' && size > 1) {
      neg = true;
      p++;
    }
    if (!isDigit(tmp[p])) return null;
    // strtoul_lenient: _parse_integer_fixup_radix with base 0.
    let base = 10n;
    if (tmp[p] === '0') {
      if ((tmp[p + 1] === 'x' || tmp[p + 1] === 'X') && hexVal(tmp[p + 2]) >= 0) {
        base = 16n;
        p += 2;
      } else {
        base = 8n;
      }
    }
    let val = 0n;
    for (;;) {
      const d = hexVal(tmp[p]);
      if (d < 0 || BigInt(d) >= base) break;
      val = val * base + BigInt(d);
      if (val > ULONG_MAX) return null; // -ERANGE
      p++;
    }
    // A number that fills the buffer might continue beyond it: refused.
    if (p === TMPBUFLEN - 1) return null;
    if (p < size && !isWspaceSep(tmp[p])) return null;
    this.pos += p;
    return { val, neg };
  }
}

type ParseErr = 'EINVAL';

/**
 * The loop of __do_proc_dointvec / __do_proc_doulongvec_minmax: up to `count`
 * values, each stored as soon as it converts, so a later failure leaves the
 * earlier ones written. Text after the last value is ignored.
 */
function writeVector(text: string, count: number, store: (i: number, neg: boolean, val: bigint) => boolean): ParseErr | null {
  const c = new Cursor(text);
  let first = true;
  let err: ParseErr | null = null;
  for (let i = 0; c.left && i < count; i++, first = false) {
    c.skipSpaces();
    if (!c.left) break;
    const r = c.getLong();
    if (!r || !store(i, r.neg, r.val)) {
      err = 'EINVAL';
      break;
    }
  }
  if (first) return err ?? 'EINVAL';
  return err;
}

/** do_proc_dointvec_conv: the value as a C int, or null when it does not fit. */
function toInt(neg: boolean, val: bigint): number | null {
  if (neg) return val > 2147483648n ? null : 0 - Number(val); // 0 - x: no -0
  return val > BigInt(INT_MAX) ? null : Number(val);
}

/**
 * bitmap_parse(): comma- or blank-separated groups of at most 8 hex digits,
 * lowest group last, up to the first newline. Works on a copy of `old` as the
 * kernel works on the mask it is given, so after a failure `words` holds the
 * groups stored before it.
 */
function bitmapParse(text: string, nbits: number, old: readonly number[]): { words: number[]; err: 'EINVAL' | 'EOVERFLOW' | null } {
  const nl = text.search(/[\n\0]/);
  const s = nl >= 0 ? text.slice(0, nl) : text;
  const endOfRegion = (ch: string | undefined): boolean => isSpace(ch) || ch === ',';
  let chunks = Math.ceil(nbits / 32);
  const nwords = chunks;
  const words: number[] = Array.from({ length: nwords }, (_, i) => old[i] ?? 0);
  let end = s.length - 1;
  for (let chunk = 0; ; chunk++) {
    while (end >= 0 && endOfRegion(s[end])) end--;
    if (end < 0) break;
    if (chunks-- === 0) return { words, err: 'EOVERFLOW' };
    // bitmap_get_x32_reverse
    let num = 0;
    let done = false;
    for (let i = 0; i < 32; i += 4) {
      const d = hexVal(s[end--]);
      if (d < 0) return { words, err: 'EINVAL' };
      num = (num | (d << i)) >>> 0;
      if (end < 0 || endOfRegion(s[end])) {
        done = true;
        break;
      }
    }
    if (!done && hexVal(s[end--]) >= 0) return { words, err: 'EOVERFLOW' };
    words[chunk] = num;
  }
  const unsetBit = (nwords - chunks) * 32;
  if (unsetBit < nbits) {
    // Groups not given are clear.
    for (let w = nwords - chunks; w < nwords; w++) words[w] = 0;
    return { words, err: null };
  }
  // Bits at or above nr_cpu_ids may not be set.
  for (let b = nbits; b < nwords * 32; b++) {
    if ((words[b >>> 5]! >>> (b & 31)) & 1) return { words, err: 'EOVERFLOW' };
  }
  return { words, err: null };
}

const roundupPowOfTwo = (n: number): number => (n <= 1 ? 1 : 2 ** Math.ceil(Math.log2(n)));
const isPowerOfTwo = (u: number): boolean => u !== 0 && (u & (u - 1)) === 0;

// ---------------------------------------------------------------------------

export class SysctlTable {
  private readonly ctx: Ctx;
  private readonly values = new Map<string, Value>();

  constructor(ctx: SysctlContext) {
    if (!Number.isInteger(ctx.nrCpus) || ctx.nrCpus < 1) throw new RangeError(`nrCpus must be ≥ 1, got ${ctx.nrCpus}`);
    if (!Number.isInteger(ctx.hz) || ctx.hz < 1) throw new RangeError(`hz must be a positive integer, got ${ctx.hz}`);
    if (ctx.rssKey.length !== NETDEV_RSS_KEY_LEN) {
      throw new RangeError(`rssKey must be ${NETDEV_RSS_KEY_LEN} bytes, got ${ctx.rssKey.length}`);
    }
    this.ctx = {
      nrCpus: ctx.nrCpus,
      hz: ctx.hz,
      rssKey: ctx.rssKey,
      qdiscs: new Set(ctx.qdiscs ?? DEFAULT_QDISCS),
      pages: ctx.nrFreeBufferPages ?? DEFAULT_FREE_BUFFER_PAGES,
    };
    for (const k of KNOBS) this.values.set(k.name, this.defaultValue(k));
  }

  has(name: string): boolean {
    return KNOB_BY_NAME.has(name);
  }

  /** In `sysctl -a` order: byte order of the dotted names. */
  names(): string[] {
    return KNOBS.map((k) => k.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** False for read-only files (mode 0444). procps `sysctl -w` refuses those itself, with EINVAL. */
  writable(name: string): boolean {
    return this.knob(name).kind !== 'rsskey';
  }

  /** What the file holds, typed for the shell to print. */
  value(name: string): SysctlValue {
    const k = this.knob(name);
    return this.typed(k, this.values.get(name)!);
  }

  /** One write(2) of `text` to /proc/sys/<path>, refused as the kernel refuses it. */
  write(name: string, text: string): void {
    const k = this.knob(name);
    if (k.kind === 'rsskey') {
      // Mode 0444: the open for writing fails, even for root.
      throw new KernelError('EACCES', `${name} is read-only: the key is chosen at boot (netdev_rss_key_fill)`);
    }
    // A zero-length write never reaches the handler.
    if (text.length === 0) return;
    const c = this.ctx;
    const refuse = (why: string): never => {
      throw new KernelError('EINVAL', `${name}: ${why}`);
    };
    const min = k.min?.(c);
    const inRange = (v: number): boolean => (min === undefined || v >= min) && (k.max === undefined || v <= k.max);
    const rangeText = (): string =>
      min !== undefined && k.max !== undefined ? `an integer from ${min} to ${k.max}`
        : min !== undefined ? `an integer ≥ ${min}` : 'an integer';

    switch (k.kind) {
      case 'int':
      case 'intvec': {
        const n = k.len ?? 1;
        const cur = k.kind === 'int' ? [this.values.get(name) as number] : [...(this.values.get(name) as number[])];
        const err = writeVector(text, n, (i, neg, val) => {
          const v = toInt(neg, val);
          if (v === null || !inRange(v)) return false;
          cur[i] = v;
          return true;
        });
        this.values.set(name, k.kind === 'int' ? cur[0]! : cur);
        if (err) {
          // The kernel reads numbers in base 0: a leading 0 means octal, so "08" is refused.
          const octal = /(^|\s)-?0[0-7]*[89]/.test(text) ? ' (a leading 0 means octal)' : '';
          refuse((n > 1 ? `expects up to ${n} values, each ${rangeText()}` : `expects ${rangeText()}`) + octal);
        }
        return;
      }
      case 'ulongvec': {
        const cur = [...(this.values.get(name) as bigint[])];
        const err = writeVector(text, k.len ?? 1, (i, neg, val) => {
          if (neg) return false;
          cur[i] = val;
          return true;
        });
        this.values.set(name, cur);
        if (err) refuse(`expects up to ${k.len} unsigned numbers of pages`);
        return;
      }
      case 'u8': {
        // do_proc_douintvec_w: one value; nothing stored unless it fits.
        const cur = new Cursor(text);
        cur.skipSpaces();
        const r = cur.left ? cur.getLong() : null;
        if (!r || r.neg || r.val > BigInt(U8_MAX) || !inRange(Number(r.val))) refuse(`expects an integer from 0 to ${U8_MAX}`);
        this.values.set(name, Number(r!.val));
        return;
      }
      case 'jiffies': {
        let v = this.values.get(name) as number;
        const err = writeVector(text, 1, (_i, neg, val) => {
          if (val > BigInt(Math.floor(INT_MAX / c.hz))) return false;
          v = neg ? -Number(val) : Number(val);
          return true;
        });
        if (err) refuse(`expects seconds, at most ${Math.floor(INT_MAX / c.hz)} (INT_MAX jiffies)`);
        this.values.set(name, v);
        return;
      }
      case 'pow2': {
        let v = this.values.get(name) as number;
        const err = writeVector(text, 1, (_i, neg, val) => {
          const x = toInt(neg, val);
          if (x === null) return false;
          v = x;
          return true;
        });
        if (err) refuse('expects an integer');
        // The handler puts the old value back unless the new one, as unsigned, is a power of two.
        if (!isPowerOfTwo(v >>> 0)) refuse(`${v} is not a power of two`);
        this.values.set(name, v);
        return;
      }
      case 'sockflow': {
        let size = this.values.get(name) as number;
        const err = writeVector(text, 1, (_i, neg, val) => {
          const x = toInt(neg, val);
          if (x === null) return false;
          size = x >>> 0; // proc_dointvec into an unsigned int
          return true;
        });
        if (err) refuse('expects an integer');
        if (size > 2 ** 29) refuse(`${size} entries exceed the limit of 2^29 (536870912)`);
        this.values.set(name, size === 0 ? 0 : roundupPowOfTwo(size));
        return;
      }
      case 'cpumask': {
        const r = bitmapParse(text, c.nrCpus, this.values.get(name) as number[]);
        if (r.err) {
          // rps_default_mask parses into the live mask: groups read before the failure stick.
          if (k.inPlace) this.values.set(name, r.words);
          if (r.err === 'EOVERFLOW') {
            throw new KernelError('EOVERFLOW', `${name}: the mask names a CPU at or above ${c.nrCpus} (this host has CPUs 0-${c.nrCpus - 1})`);
          }
          refuse('expects a hex CPU mask such as 3 or 00000000,00000003');
        }
        this.values.set(name, r.words);
        return;
      }
      case 'qdisc': {
        // proc_dostring: up to the first newline or NUL, at most IFNAMSIZ-1 = 15 characters.
        const id = text.split(/[\n\0]/, 1)[0]!.slice(0, 15);
        if (!c.qdiscs.has(id)) {
          throw new KernelError('ENOENT', `${name}: no qdisc named ${JSON.stringify(id)} is registered or loadable`);
        }
        this.values.set(name, id);
        return;
      }
    }
  }

  /** The value of an integer knob, as the engine uses it. */
  int(name: string): number {
    const k = this.knob(name);
    const v = this.values.get(name)!;
    if (typeof v !== 'number' || k.kind === 'rsskey' || k.kind === 'qdisc') throw new TypeError(`${name} is not an integer sysctl`);
    return v;
  }

  /** The values of a vector knob (tcp_rmem, udp_mem …). */
  ints(name: string): readonly number[] {
    const k = this.knob(name);
    const v = this.values.get(name)!;
    if (k.kind === 'intvec') return [...(v as number[])];
    if (k.kind === 'ulongvec') return (v as bigint[]).map((x) => Number(x));
    throw new TypeError(`${name} is not a vector sysctl`);
  }

  /** The CPUs set in a CPU-mask knob (flow_limit_cpu_bitmap, rps_default_mask), below nrCpus. */
  cpus(name: string): number[] {
    const k = this.knob(name);
    if (k.kind !== 'cpumask') throw new TypeError(`${name} is not a CPU mask`);
    const words = this.values.get(name) as number[];
    const out: number[] = [];
    for (let cpu = 0; cpu < this.ctx.nrCpus; cpu++) if (((words[cpu >>> 5] ?? 0) >>> (cpu & 31)) & 1) out.push(cpu);
    return out;
  }

  describe(name: string): { default: SysctlValue; help: string } {
    const k = this.knob(name);
    return { default: this.typed(k, this.defaultValue(k)), help: k.help };
  }

  private knob(name: string): Knob {
    const k = KNOB_BY_NAME.get(name);
    if (!k) throw new KernelError('ENOENT', `no such sysctl: ${sysctlPath(name)}`);
    return k;
  }

  private defaultValue(k: Knob): Value {
    const v = k.def(this.ctx);
    return Array.isArray(v) ? ([...v] as Value) : v;
  }

  /** A copy: what the shell is given cannot change the table. */
  private typed(k: Knob, v: Value): SysctlValue {
    switch (k.kind) {
      case 'intvec':
        return { type: 'vector', value: [...(v as number[])] };
      case 'ulongvec':
        return { type: 'vector', value: [...(v as bigint[])] };
      case 'cpumask':
        return { type: 'cpumask', value: [...(v as number[])], nbits: this.ctx.nrCpus };
      case 'rsskey':
        return { type: 'bytes', value: this.ctx.rssKey.slice() };
      case 'qdisc':
        return { type: 'string', value: v as string };
      default:
        return { type: 'int', value: v as number };
    }
  }
}
