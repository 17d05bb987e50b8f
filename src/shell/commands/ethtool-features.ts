/**
 * `ethtool -k` for igb (i210) on 6.18: the kernel's netdev_features_strings in its order, with
 * igb's values. Only generic-receive-offload and receive-hashing are simulated (and settable);
 * the others are what igb reports, fixed here.
 */
export interface FeatureLine {
  name: string;
  /** Sub-features are indented with a tab under their group. */
  child?: boolean;
  on: boolean;
  fixed?: boolean;
  /** Simulated: read from and written to the host. */
  live?: 'generic-receive-offload' | 'receive-hashing';
}

export const IGB_FEATURES: FeatureLine[] = [
  { name: 'rx-checksumming', on: true },
  { name: 'tx-checksumming', on: true },
  { name: 'tx-checksum-ipv4', child: true, on: false, fixed: true },
  { name: 'tx-checksum-ip-generic', child: true, on: true },
  { name: 'tx-checksum-ipv6', child: true, on: false, fixed: true },
  { name: 'tx-checksum-fcoe-crc', child: true, on: false, fixed: true },
  { name: 'tx-checksum-sctp', child: true, on: true },
  { name: 'scatter-gather', on: true },
  { name: 'tx-scatter-gather', child: true, on: true },
  { name: 'tx-scatter-gather-fraglist', child: true, on: false, fixed: true },
  { name: 'tcp-segmentation-offload', on: true },
  { name: 'tx-tcp-segmentation', child: true, on: true },
  { name: 'tx-tcp-ecn-segmentation', child: true, on: false, fixed: true },
  { name: 'tx-tcp-mangleid-segmentation', child: true, on: false },
  { name: 'tx-tcp6-segmentation', child: true, on: true },
  { name: 'tx-tcp-accecn-segmentation', child: true, on: false, fixed: true },
  { name: 'generic-segmentation-offload', on: true },
  { name: 'generic-receive-offload', on: true, live: 'generic-receive-offload' },
  { name: 'large-receive-offload', on: false, fixed: true },
  { name: 'rx-vlan-offload', on: true },
  { name: 'tx-vlan-offload', on: true },
  { name: 'ntuple-filters', on: false },
  { name: 'receive-hashing', on: true, live: 'receive-hashing' },
  { name: 'highdma', on: true, fixed: true },
  { name: 'rx-vlan-filter', on: true, fixed: true },
  { name: 'vlan-challenged', on: false, fixed: true },
  { name: 'tx-gso-robust', on: false, fixed: true },
  { name: 'tx-fcoe-segmentation', on: false, fixed: true },
  { name: 'tx-gre-segmentation', on: true },
  { name: 'tx-gre-csum-segmentation', on: true },
  { name: 'tx-ipxip4-segmentation', on: true },
  { name: 'tx-ipxip6-segmentation', on: true },
  { name: 'tx-udp_tnl-segmentation', on: true },
  { name: 'tx-udp_tnl-csum-segmentation', on: true },
  { name: 'tx-gso-partial', on: true },
  { name: 'tx-tunnel-remcsum-segmentation', on: false, fixed: true },
  { name: 'tx-sctp-segmentation', on: false, fixed: true },
  { name: 'tx-esp-segmentation', on: false, fixed: true },
  { name: 'tx-udp-segmentation', on: true },
  { name: 'tx-gso-list', on: false, fixed: true },
  { name: 'tx-nocache-copy', on: false },
  { name: 'loopback', on: false, fixed: true },
  { name: 'rx-fcs', on: false },
  { name: 'rx-all', on: false },
  { name: 'tx-vlan-stag-hw-insert', on: false, fixed: true },
  { name: 'rx-vlan-stag-hw-parse', on: false, fixed: true },
  { name: 'rx-vlan-stag-filter', on: false, fixed: true },
  { name: 'l2-fwd-offload', on: false, fixed: true },
  { name: 'hw-tc-offload', on: false },
  { name: 'esp-hw-offload', on: false, fixed: true },
  { name: 'esp-tx-csum-hw-offload', on: false, fixed: true },
  { name: 'rx-udp_tunnel-port-offload', on: false, fixed: true },
  { name: 'tls-hw-tx-offload', on: false, fixed: true },
  { name: 'tls-hw-rx-offload', on: false, fixed: true },
  { name: 'rx-gro-hw', on: false, fixed: true },
  { name: 'tls-hw-record', on: false, fixed: true },
  { name: 'rx-gro-list', on: false },
  { name: 'macsec-hw-offload', on: false, fixed: true },
  { name: 'rx-udp-gro-forwarding', on: false },
  { name: 'hsr-tag-ins-offload', on: false, fixed: true },
  { name: 'hsr-tag-rm-offload', on: false, fixed: true },
  { name: 'hsr-fwd-offload', on: false, fixed: true },
  { name: 'hsr-dup-offload', on: false, fixed: true },
];

/** ethtool's short names for -K (off_flag_def) → the kernel's feature names. */
export const FEATURE_ALIASES: Record<string, string> = {
  rx: 'rx-checksumming',
  tx: 'tx-checksumming',
  sg: 'scatter-gather',
  tso: 'tcp-segmentation-offload',
  gso: 'generic-segmentation-offload',
  gro: 'generic-receive-offload',
  lro: 'large-receive-offload',
  rxvlan: 'rx-vlan-offload',
  txvlan: 'tx-vlan-offload',
  ntuple: 'ntuple-filters',
  rxhash: 'receive-hashing',
};
