/**
 * SNMP MIB counters, with the field names and order of /proc/net/snmp and /proc/net/netstat on
 * Linux 6.18 (read off a 6.18 host). Only the groups of the receive path are kept; every field of a
 * kept group is present so that the files and `nstat -az` list what the real kernel lists.
 */
export const SNMP_GROUPS = {
  Ip: ['Forwarding', 'DefaultTTL', 'InReceives', 'InHdrErrors', 'InAddrErrors', 'ForwDatagrams', 'InUnknownProtos', 'InDiscards', 'InDelivers', 'OutRequests', 'OutDiscards', 'OutNoRoutes', 'ReasmTimeout', 'ReasmReqds', 'ReasmOKs', 'ReasmFails', 'FragOKs', 'FragFails', 'FragCreates', 'OutTransmits'],
  Icmp: ['InMsgs', 'InErrors', 'InCsumErrors', 'InDestUnreachs', 'InTimeExcds', 'InParmProbs', 'InSrcQuenchs', 'InRedirects', 'InEchos', 'InEchoReps', 'InTimestamps', 'InTimestampReps', 'InAddrMasks', 'InAddrMaskReps', 'OutMsgs', 'OutErrors', 'OutRateLimitGlobal', 'OutRateLimitHost', 'OutDestUnreachs', 'OutTimeExcds', 'OutParmProbs', 'OutSrcQuenchs', 'OutRedirects', 'OutEchos', 'OutEchoReps', 'OutTimestamps', 'OutTimestampReps', 'OutAddrMasks', 'OutAddrMaskReps'],
  Tcp: ['RtoAlgorithm', 'RtoMin', 'RtoMax', 'MaxConn', 'ActiveOpens', 'PassiveOpens', 'AttemptFails', 'EstabResets', 'CurrEstab', 'InSegs', 'OutSegs', 'RetransSegs', 'InErrs', 'OutRsts', 'InCsumErrors'],
  Udp: ['InDatagrams', 'NoPorts', 'InErrors', 'OutDatagrams', 'RcvbufErrors', 'SndbufErrors', 'InCsumErrors', 'IgnoredMulti', 'MemErrors'],
} as const;

export const NETSTAT_GROUPS = {
  TcpExt: ['SyncookiesSent', 'SyncookiesRecv', 'SyncookiesFailed', 'EmbryonicRsts', 'PruneCalled', 'RcvPruned', 'OfoPruned', 'OutOfWindowIcmps', 'LockDroppedIcmps', 'ArpFilter', 'TW', 'TWRecycled', 'TWKilled', 'PAWSActive', 'PAWSEstab', 'BeyondWindow', 'TSEcrRejected', 'PAWSOldAck', 'PAWSTimewait', 'DelayedACKs', 'DelayedACKLocked', 'DelayedACKLost', 'ListenOverflows', 'ListenDrops', 'TCPHPHits', 'TCPPureAcks', 'TCPHPAcks', 'TCPRenoRecovery', 'TCPSackRecovery', 'TCPSACKReneging', 'TCPSACKReorder', 'TCPRenoReorder', 'TCPTSReorder', 'TCPFullUndo', 'TCPPartialUndo', 'TCPDSACKUndo', 'TCPLossUndo', 'TCPLostRetransmit', 'TCPRenoFailures', 'TCPSackFailures', 'TCPLossFailures', 'TCPFastRetrans', 'TCPSlowStartRetrans', 'TCPTimeouts', 'TCPLossProbes', 'TCPLossProbeRecovery', 'TCPRenoRecoveryFail', 'TCPSackRecoveryFail', 'TCPRcvCollapsed', 'TCPBacklogCoalesce', 'TCPDSACKOldSent', 'TCPDSACKOfoSent', 'TCPDSACKRecv', 'TCPDSACKOfoRecv', 'TCPAbortOnData', 'TCPAbortOnClose', 'TCPAbortOnMemory', 'TCPAbortOnTimeout', 'TCPAbortOnLinger', 'TCPAbortFailed', 'TCPMemoryPressures', 'TCPMemoryPressuresChrono', 'TCPSACKDiscard', 'TCPDSACKIgnoredOld', 'TCPDSACKIgnoredNoUndo', 'TCPSpuriousRTOs', 'TCPMD5NotFound', 'TCPMD5Unexpected', 'TCPMD5Failure', 'TCPSackShifted', 'TCPSackMerged', 'TCPSackShiftFallback', 'TCPBacklogDrop', 'PFMemallocDrop', 'TCPMinTTLDrop', 'TCPDeferAcceptDrop', 'IPReversePathFilter', 'TCPTimeWaitOverflow', 'TCPReqQFullDoCookies', 'TCPReqQFullDrop', 'TCPRetransFail', 'TCPRcvCoalesce', 'TCPOFOQueue', 'TCPOFODrop', 'TCPOFOMerge', 'TCPChallengeACK', 'TCPSYNChallenge', 'TCPFastOpenActive', 'TCPFastOpenActiveFail', 'TCPFastOpenPassive', 'TCPFastOpenPassiveFail', 'TCPFastOpenListenOverflow', 'TCPFastOpenCookieReqd', 'TCPFastOpenBlackhole', 'TCPSpuriousRtxHostQueues', 'BusyPollRxPackets', 'TCPAutoCorking', 'TCPFromZeroWindowAdv', 'TCPToZeroWindowAdv', 'TCPWantZeroWindowAdv', 'TCPSynRetrans', 'TCPOrigDataSent', 'TCPHystartTrainDetect', 'TCPHystartTrainCwnd', 'TCPHystartDelayDetect', 'TCPHystartDelayCwnd', 'TCPACKSkippedSynRecv', 'TCPACKSkippedPAWS', 'TCPACKSkippedSeq', 'TCPACKSkippedFinWait2', 'TCPACKSkippedTimeWait', 'TCPACKSkippedChallenge', 'TCPWinProbe', 'TCPKeepAlive', 'TCPMTUPFail', 'TCPMTUPSuccess', 'TCPDelivered', 'TCPDeliveredCE', 'TCPAckCompressed', 'TCPZeroWindowDrop', 'TCPRcvQDrop', 'TCPWqueueTooBig', 'TCPFastOpenPassiveAltKey', 'TcpTimeoutRehash', 'TcpDuplicateDataRehash', 'TCPDSACKRecvSegs', 'TCPDSACKIgnoredDubious', 'TCPMigrateReqSuccess', 'TCPMigrateReqFailure', 'TCPPLBRehash', 'TCPAORequired', 'TCPAOBad', 'TCPAOKeyNotFound', 'TCPAOGood', 'TCPAODroppedIcmps'],
  IpExt: ['InNoRoutes', 'InTruncatedPkts', 'InMcastPkts', 'OutMcastPkts', 'InBcastPkts', 'OutBcastPkts', 'InOctets', 'OutOctets', 'InMcastOctets', 'OutMcastOctets', 'InBcastOctets', 'OutBcastOctets', 'InCsumErrors', 'InNoECTPkts', 'InECT1Pkts', 'InECT0Pkts', 'InCEPkts', 'ReasmOverlaps'],
} as const;

export type SnmpGroup = keyof typeof SNMP_GROUPS;
export type NetstatGroup = keyof typeof NETSTAT_GROUPS;
export type MibGroup = SnmpGroup | NetstatGroup;
type FieldsOf<G extends MibGroup> = G extends SnmpGroup
  ? (typeof SNMP_GROUPS)[G][number]
  : G extends NetstatGroup
    ? (typeof NETSTAT_GROUPS)[G][number]
    : never;

/** One group's counters, by field name. */
export type MibCounters<G extends MibGroup> = Record<FieldsOf<G>, number>;

/** Every MIB group of the host, each a plain record of counters (so the hot path is a field increment). */
export interface Mib {
  Ip: MibCounters<'Ip'>;
  Icmp: MibCounters<'Icmp'>;
  Tcp: MibCounters<'Tcp'>;
  Udp: MibCounters<'Udp'>;
  TcpExt: MibCounters<'TcpExt'>;
  IpExt: MibCounters<'IpExt'>;
}

/** Built in one go (not field by field through a shared keyed store, which leaves V8 a slow dictionary object). */
function zeroed<G extends MibGroup>(fields: readonly string[]): MibCounters<G> {
  return Object.fromEntries(fields.map((field) => [field, 0])) as MibCounters<G>;
}

export function createMib(): Mib {
  const mib: Mib = {
    Ip: zeroed<'Ip'>(SNMP_GROUPS.Ip),
    Icmp: zeroed<'Icmp'>(SNMP_GROUPS.Icmp),
    Tcp: zeroed<'Tcp'>(SNMP_GROUPS.Tcp),
    Udp: zeroed<'Udp'>(SNMP_GROUPS.Udp),
    TcpExt: zeroed<'TcpExt'>(NETSTAT_GROUPS.TcpExt),
    IpExt: zeroed<'IpExt'>(NETSTAT_GROUPS.IpExt),
  };
  // Values that are not counters but constants of the host (net.ipv4.ip_forward=0 reads as 2, "not forwarding").
  mib.Ip.Forwarding = 2;
  mib.Ip.DefaultTTL = 64;
  mib.Tcp.RtoAlgorithm = 1;
  mib.Tcp.RtoMin = 200;
  mib.Tcp.RtoMax = 120000;
  mib.Tcp.MaxConn = -1;
  return mib;
}

export function cloneMib(mib: Mib): Mib {
  return {
    Ip: { ...mib.Ip },
    Icmp: { ...mib.Icmp },
    Tcp: { ...mib.Tcp },
    Udp: { ...mib.Udp },
    TcpExt: { ...mib.TcpExt },
    IpExt: { ...mib.IpExt },
  };
}
