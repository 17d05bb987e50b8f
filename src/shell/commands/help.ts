/** help and man: what this terminal understands, and a short page per tool. */
import { scenarioNames } from '../scenarios.ts';
import type { Command } from '../types.ts';

export const PAGES: Record<string, { summary: string; body: string }> = {
  ethtool: {
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
  sysctl: {
    summary: 'read and write kernel parameters under /proc/sys',
    body: `SYNOPSIS
       sysctl [-n] [-e] NAME...
       sysctl -a
       sysctl [-w] NAME=VALUE...
DESCRIPTION
       -a  every parameter;  -n  values only;  -N  names only;  -e  ignore unknown names;
       -q  do not echo writes;  -w  write (NAME=VALUE also writes without -w).
       A write echoes the value written, even when the kernel keeps another (rps_sock_flow_entries
       is rounded up to a power of two). A refused write keeps the old value:
       sysctl: setting key "net.core.dev_weight": Invalid argument
`,
  },
  ss: {
    summary: 'socket statistics',
    body: `SYNOPSIS
       ss [-t] [-u] [-a] [-l] [-m] [-n] [-H]
DESCRIPTION
       -t TCP, -u UDP, -a all states, -l listening (UNCONN for UDP), -n numeric, -H no header,
       -m socket memory: skmem:(r<rmem_alloc>,rb<rcvbuf>,t<wmem_alloc>,tb<sndbuf>,f<forward_alloc>,
          w<wmem_queued>,o<opt_mem>,bl<backlog>,d<drops>)
       For UDP, Recv-Q is r: the truesize of what waits in the receive queue.
`,
  },
  nstat: {
    summary: 'SNMP counters (IpInReceives, UdpRcvbufErrors, TcpExtTCPBacklogDrop ...)',
    body: `SYNOPSIS
       nstat [-a] [-z] [-r] [-s] [PATTERN...]
DESCRIPTION
       By default the counters that moved since the previous nstat, non-zero only.
       -a absolute values, -z include zeros, -r reset the history, -s do not update it.
       PATTERN is a shell glob, e.g. nstat -az 'Udp*'.
`,
  },
  netstat: { summary: 'netstat -s: the SNMP counters in prose', body: 'SYNOPSIS\n       netstat -s [-t] [-u]\n' },
  ip: {
    summary: 'network devices and their counters',
    body: `SYNOPSIS
       ip [-s [-s]] link [show [dev] DEV]
       ip addr [show [dev] DEV]
DESCRIPTION
       -s adds RX/TX counters: "dropped" is rx_dropped (the kernel's drops, e.g. backlog),
       "missed" is rx_missed_errors (the NIC had no descriptor). -s -s adds the error breakdown.
`,
  },
  tc: { summary: 'queueing disciplines (TX side; not simulated, counters 0)', body: 'SYNOPSIS\n       tc [-s] qdisc show [dev DEV]\n' },
  mpstat: {
    summary: 'CPU time per CPU: %usr %sys %irq %soft %idle ... (from /proc/stat)',
    body: `SYNOPSIS
       mpstat [-u] [-P CPU_LIST|ALL] [--dec=0|1|2] [INTERVAL [COUNT]]
       mpstat -V
DESCRIPTION
       For "all" CPUs together (the default) and each CPU that -P names (-P 0,2  -P 1-3  -P ALL),
       the share of time spent in each kind of work: %irq hard interrupts, %soft softirqs
       (ksoftirqd/N's included), %sys kernel code for a task, %usr user code, %idle nothing to do.
       Without INTERVAL, or with 0: since boot, as on any host.
       With INTERVAL, the real tool samples every INTERVAL seconds, COUNT times. This host's clock
       moves only during run, so mpstat reports the last run as the one interval, then its
       Average, and says so on stderr; before any run it reports nothing and exits with 1.
       /proc/stat counts in ticks of 10 ms, so a 20 ms run gives each CPU two ticks to share out:
       run --duration 1s gives finer shares.
       -A, -I, -n, -N, -T and -o JSON are not simulated.
`,
  },
  cat: { summary: 'print files: /proc/net/softnet_stat, /proc/net/sockstat, /proc/interrupts, /proc/softirqs, /proc/stat, /proc/sys/..., /sys/class/net/...', body: 'SYNOPSIS\n       cat [-A] [-n] FILE...\n' },
  echo: { summary: 'print arguments; with > FILE, write a /proc/sys or /sys knob', body: 'SYNOPSIS\n       echo VALUE > /sys/class/net/eth0/queues/rx-0/rps_cpus\n       echo 2 > /proc/irq/N/smp_affinity\n' },
  grep: { summary: 'print matching lines', body: 'SYNOPSIS\n       grep [-i] [-v] [-c] [-n] [-E] [-w] PATTERN [FILE...]\n' },
  head: { summary: 'first lines', body: 'SYNOPSIS\n       head [-n N] [FILE...]\n' },
  tail: { summary: 'last lines', body: 'SYNOPSIS\n       tail [-n N] [FILE...]\n' },
  wc: { summary: 'count lines, words, bytes', body: 'SYNOPSIS\n       wc [-l] [-w] [-c] [FILE...]\n' },
  ls: { summary: 'list /proc and /sys directories', body: 'SYNOPSIS\n       ls [DIR...]\n' },
  watch: { summary: 'run a command and show one refresh of its output', body: 'SYNOPSIS\n       watch [-n SECONDS] COMMAND\n' },
  dropwatch: {
    summary: 'drops by place and reason since the previous dropwatch',
    body: `SYNOPSIS
       dropwatch -l kas
DESCRIPTION
       One line per place a packet was freed as a drop, like dropwatch 1.5:
       "N drops at FUNCTION [software] (REASON)" for kfree_skb_reason() with its skb_drop_reason,
       "N drops at COUNTER [hardware]" for drops inside the NIC.
`,
  },
  dmesg: { summary: 'kernel messages', body: 'SYNOPSIS\n       dmesg [-c]\n' },
  run: {
    summary: 'push a scenario\'s traffic through the host',
    body: `SYNOPSIS
       run [SCENARIO] [--duration 10ms]
       run --list
DESCRIPTION
       Simulates the scenario's workload on this host, with the settings you made, and prints what
       was sent, delivered and dropped (by reason and place) and the latency. Counters accumulate
       across runs, as a kernel's do. Without SCENARIO, the first of run --list: in a lab's
       terminal the lab's own scenarios come first.
`,
  },
  reset: { summary: 'boot a fresh host (optionally set up for a scenario)', body: 'SYNOPSIS\n       reset [SCENARIO]\n' },
  uname: { summary: 'kernel name and release', body: 'SYNOPSIS\n       uname [-a] [-r]\n' },
  nproc: { summary: 'number of CPUs', body: 'SYNOPSIS\n       nproc\n' },
  clear: { summary: 'clear the screen', body: 'SYNOPSIS\n       clear\n' },
  help: { summary: 'this list', body: 'SYNOPSIS\n       help\n' },
  man: { summary: 'a short page for a command', body: 'SYNOPSIS\n       man COMMAND\n' },
};

export const help: Command = (ctx) => {
  const names = Object.keys(PAGES);
  const w = Math.max(...names.map((n) => n.length));
  const stdout =
    'Commands (as on a Linux 6.18 host; `man NAME` for more):\n' +
    names.map((n) => `  ${n.padEnd(w)}  ${PAGES[n]!.summary}\n`).join('') +
    'Pipes (|), lists (; && ||) and redirections (> >> 2> 2>&1) work as in bash.\n' +
    `Scenarios for run (run --list says what each sends): ${scenarioNames(ctx.state)}.\n`;
  return { stdout, stderr: '', code: 0 };
};

export const man: Command = (ctx) => {
  const name = ctx.argv[1];
  if (name === undefined) return { stdout: '', stderr: "What manual page do you want?\nFor example, try 'man man'.\n", code: 1 };
  const page = Object.hasOwn(PAGES, name) ? PAGES[name] : undefined;
  if (!page) return { stdout: '', stderr: `No manual entry for ${name}\n`, code: 16 };
  return { stdout: `${name.toUpperCase()}(8)\n\nNAME\n       ${name} - ${page.summary}\n\n${page.body}`, stderr: '', code: 0 };
};
