/**
 * The files the shell can read and write: procfs renderers, /proc/sys through the host's sysctl
 * table, and sysfs/procfs knobs through the simulator's readSysfs/writeSysfs. Errors carry the
 * errno a real open(2)/read(2)/write(2) would return.
 */
import { KernelError, readSysfs, sysctlNameFromPath, sysctlPath, sysfsPaths, writeSysfs, type Errno, type Host } from '../sim/index.ts';
import { renderInterrupts } from './proc/interrupts.ts';
import { renderProcNetDev } from './proc/netdev.ts';
import { renderNetstat, renderSnmp } from './proc/snmp.ts';
import { renderSoftirqs } from './proc/softirqs.ts';
import { renderSoftnetStat } from './proc/softnet.ts';
import { renderProcStat } from './proc/stat.ts';
import { renderSysctl } from './proc/sys.ts';
import { renderSockstat } from './proc/sockstat.ts';
import { renderProcNetUdp } from './proc/udp.ts';

export class FsError extends Error {
  readonly errno: Errno | 'EISDIR' | 'ENOTDIR' | 'EROFS';
  constructor(errno: FsError['errno']) {
    super(errno);
    this.errno = errno;
  }
}

const EXTRA_TEXT: Record<string, string> = {
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
};

export function strerror(errno: FsError['errno']): string {
  return EXTRA_TEXT[errno] ?? new KernelError(errno as Errno).strerror;
}

type Renderer = (host: Host) => string;

const PROC_FILES: Record<string, Renderer> = {
  '/proc/net/softnet_stat': (h) => renderSoftnetStat(h.stats()),
  '/proc/interrupts': (h) => renderInterrupts(h.stats()),
  '/proc/softirqs': (h) => renderSoftirqs(h.stats()),
  '/proc/stat': (h) => renderProcStat(h.stats()),
  '/proc/net/snmp': (h) => renderSnmp(h.stats()),
  '/proc/net/netstat': (h) => renderNetstat(h.stats()),
  '/proc/net/udp': (h) => renderProcNetUdp(h.stats()),
  '/proc/net/sockstat': (h) => renderSockstat(h.stats()),
  '/proc/net/dev': (h) => renderProcNetDev(h.stats()),
  '/proc/version': (h) => `Linux version ${h.kernelRelease} (packetpath@sim) (gcc (GCC) 14.2.0, GNU ld 2.43) #1 SMP PREEMPT_DYNAMIC\n`,
  '/proc/sys/kernel/osrelease': (h) => h.kernelRelease + '\n',
};

/** Collapse //, . and .. ; relative paths are taken from / (the shell has no working directory). */
export function normalize(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

/** Every regular file, for ls, tab completion and directory checks. */
export function allFiles(host: Host): string[] {
  return [...Object.keys(PROC_FILES), ...host.sysctlNames().map(sysctlPath), ...sysfsPaths(host)];
}

export function isDirectory(host: Host, path: string): boolean {
  const p = normalize(path);
  if (p === '/') return true;
  return allFiles(host).some((f) => f.startsWith(p + '/'));
}

/** The entries of a directory (names only), sorted. */
export function listDir(host: Host, path: string): string[] {
  const p = normalize(path);
  const prefix = p === '/' ? '/' : p + '/';
  const names = new Set<string>();
  for (const f of allFiles(host)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]!);
  return [...names].sort();
}

function sysctlOf(host: Host, p: string): string | null {
  const name = sysctlNameFromPath(p);
  return name !== null && host.hasSysctl(name) ? name : null;
}

export function readFile(host: Host, path: string): string {
  const p = normalize(path);
  const proc = PROC_FILES[p];
  if (proc) return proc(host);
  const name = sysctlOf(host, p);
  if (name) return renderSysctl(host.sysctl(name)) + '\n';
  if (sysfsPaths(host).includes(p)) return readSysfs(host, p) + '\n';
  if (isDirectory(host, p)) throw new FsError('EISDIR');
  throw new FsError('ENOENT');
}

/** open(O_WRONLY): the errors bash reports before the command runs. */
export function checkWritable(host: Host, path: string): void {
  const p = normalize(path);
  if (p === '/dev/null') return;
  const name = sysctlOf(host, p);
  if (name) {
    if (!host.sysctlWritable(name)) throw new FsError('EACCES');
    return;
  }
  if (PROC_FILES[p]) throw new FsError('EACCES');
  if (sysfsPaths(host).includes(p)) {
    if (/\/(statistics\/[^/]+|operstate|address)$/.test(p)) throw new FsError('EACCES');
    return;
  }
  if (isDirectory(host, p)) throw new FsError('EISDIR');
  if (p.startsWith('/proc/') || p.startsWith('/sys/')) throw new FsError('ENOENT');
  throw new FsError('EROFS');
}

/** write(2) of `data`: refused with a KernelError as the kernel refuses it. */
export function writeFile(host: Host, path: string, data: string): void {
  const p = normalize(path);
  if (p === '/dev/null') return;
  checkWritable(host, p);
  const name = sysctlOf(host, p);
  if (name) host.writeSysctl(name, data);
  else writeSysfs(host, p, data);
}
