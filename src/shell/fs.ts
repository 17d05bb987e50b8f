/**
 * The files the shell can read and write, by path: /proc renderers over host.stats(), /proc/sys
 * over the host's sysctl values, /sys/class/net and /proc/irq (sysfs.ts). Writes go to the host,
 * whose kernel code parses and refuses them. Errors carry the errno a real open(2)/read(2)/write(2)
 * would return.
 */
import { KernelError, sysctlPath, type Errno, type Host } from '../sim/index.ts';
import { renderInterrupts } from './proc/interrupts.ts';
import { renderProcNetDev } from './proc/netdev.ts';
import { renderNetstat, renderSnmp } from './proc/snmp.ts';
import { renderSoftirqs } from './proc/softirqs.ts';
import { renderSoftnetStat } from './proc/softnet.ts';
import { renderProcStat } from './proc/stat.ts';
import { renderSysctl } from './proc/sys.ts';
import { sysfsFiles } from './sysfs.ts';
import type { PseudoFile } from './types.ts';
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

/** Every regular file of the host, by path. */
function files(host: Host): Map<string, PseudoFile> {
  return new Map<string, PseudoFile>([
    ...Object.entries(PROC_FILES).map(([path, render]): [string, PseudoFile] => [path, { read: () => render(host) }]),
    ...host.sysctlNames().map((name): [string, PseudoFile] => [
      sysctlPath(name),
      {
        read: () => renderSysctl(host.sysctl(name)) + '\n',
        write: host.sysctlWritable(name) ? (data) => host.writeSysctl(name, data) : undefined,
      },
    ]),
    ...sysfsFiles(host),
  ]);
}

/** Every regular file, for ls, tab completion and directory checks. */
export function allFiles(host: Host): string[] {
  return [...files(host).keys()];
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

export function readFile(host: Host, path: string): string {
  const p = normalize(path);
  const file = files(host).get(p);
  if (file) return file.read();
  if (isDirectory(host, p)) throw new FsError('EISDIR');
  throw new FsError('ENOENT');
}

/** open(O_WRONLY): the errors bash reports before the command runs; the file's write(2), if it opens. */
function openForWrite(host: Host, p: string): (data: string) => void {
  const file = files(host).get(p);
  if (file) {
    if (!file.write) throw new FsError('EACCES');
    return file.write;
  }
  if (isDirectory(host, p)) throw new FsError('EISDIR');
  if (p.startsWith('/proc/') || p.startsWith('/sys/')) throw new FsError('ENOENT');
  throw new FsError('EROFS');
}

export function checkWritable(host: Host, path: string): void {
  const p = normalize(path);
  if (p !== '/dev/null') openForWrite(host, p);
}

/** write(2) of `data`: refused with a KernelError as the kernel refuses it. */
export function writeFile(host: Host, path: string, data: string): void {
  const p = normalize(path);
  if (p !== '/dev/null') openForWrite(host, p)(data);
}
