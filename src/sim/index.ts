/**
 * The host API of src/sim, for the shell, the lab runtime, lab definitions and tests: make a host,
 * run traffic through it, read its counters, change its settings as the tools do. Learner code has
 * its own door, kernel-api.ts ('packet-path/sim'), which leads nowhere near a host. How the
 * simulator is laid out and how to keep it fast: README.md beside this file.
 */
import type { NetDevice } from './include/linux/netdevice.ts';
import * as ethtool from './net/ethtool/ioctl.ts';
import type { Host } from './host.ts';

export { createHost, Host, DEFAULT_UDP_PORT, type HostConfig, type NicConfig, type SocketConfig, type RunOptions, type RunResult, type DropCount } from './host.ts';
export type { HostStats, SoftnetStat, InterruptLine, NetdevStats, SocketStat, ThreadStat } from './stats.ts';
export type { LatencySummary } from './lib/histogram.ts';
export type { CpuTime } from './include/linux/sched.ts';
export { TRACE_STAGES, type TraceEvent, type TraceStage } from './engine/trace.ts';
export { DEFAULT_COST_MODEL, type CostModel } from './engine/cost.ts';
export { referenceHooks as reference, HOOK_NAMES } from './hooks.ts';
export type { Hooks, HookName } from './include/hooks.ts';
export { KernelError, ERRNO_TEXT, type Errno } from './include/linux/errno.ts';
export { SKB_DROP_REASONS, type SkbDropReason } from './include/net/dropreason-core.ts';
export { SNMP_GROUPS, NETSTAT_GROUPS, type Mib } from './include/net/snmp.ts';
export { SOFTIRQ_NAMES, type SoftirqName } from './include/linux/interrupt.ts';
export { PAGE_SIZE } from './include/linux/mm_types.ts';
export { SOCK_MIN_RCVBUF, SOCK_MIN_SNDBUF } from './include/net/sock.ts';

// Traffic and scenarios.
export type { Workload, FlowSpec, Arrivals } from './hw/peer.ts';
export { constantRate, poissonRate, bursts, manyFlows, elephantFlow, tcpFlow } from './user/workload.ts';
export { SCENARIOS, findScenario, type Scenario } from './scenarios.ts';

// Settings: a sysctl's path and typed value, and the text of CPU masks and addresses. Writes to
// /proc/sys, /sys and /proc/irq are the host's (writeSysctl, writeSysfs): kernel code parses them.
export { sysctlPath, type SysctlValue } from './kernel/sysctl.ts';
export { formatCpuMask, formatCpuList } from './lib/cpumask.ts';
export { parseIPv4, formatIPv4, parseIPv6 } from './lib/inet.ts';

// RSS, for the tools and the tests that check the NIC's hash.
export { toeplitzHash, rssInputIPv4, rssInputIPv6, MICROSOFT_RSS_KEY } from './hw/rss.ts';
export { IGB_RETA_SIZE } from './drivers/net/ethernet/intel/igb/igb.ts';
export { igb_reta_default } from './drivers/net/ethernet/intel/igb/igb_main.ts';
export { ethtool_rxfh_indir_default, type RxFlowHashFields, type RxFlowType, type RingParam, type Coalesce, type Channels, type Rxfh, type DrvInfo } from './include/linux/ethtool.ts';
export { reciprocal_scale } from './include/linux/math.ts';
export type { Features } from './net/ethtool/ioctl.ts';

/** An ethtool request on a host's interface, run as the kernel runs it: on that host. */
function onHost<A extends unknown[], R>(op: (dev: NetDevice, ...args: A) => R): (host: Host, ...args: A) => R {
  return (host, ...args) => host.request(() => op(host.dev, ...args));
}

export const ethtool_get_drvinfo = onHost(ethtool.ethtool_get_drvinfo);
export const ethtool_get_ringparam = onHost(ethtool.ethtool_get_ringparam);
export const ethtool_set_ringparam = onHost(ethtool.ethtool_set_ringparam);
export const ethtool_get_coalesce = onHost(ethtool.ethtool_get_coalesce);
export const ethtool_set_coalesce = onHost(ethtool.ethtool_set_coalesce);
export const ethtool_get_channels = onHost(ethtool.ethtool_get_channels);
export const ethtool_set_channels = onHost(ethtool.ethtool_set_channels);
export const ethtool_get_rxfh = onHost(ethtool.ethtool_get_rxfh);
export const ethtool_set_rxfh = onHost(ethtool.ethtool_set_rxfh);
export const ethtool_get_rxfh_fields = onHost(ethtool.ethtool_get_rxfh_fields);
export const ethtool_set_rxfh_fields = onHost(ethtool.ethtool_set_rxfh_fields);
export const ethtool_get_features = onHost(ethtool.ethtool_get_features);
export const ethtool_set_features = onHost(ethtool.ethtool_set_features);
