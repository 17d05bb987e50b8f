/** The stack's own flow hash (net/core/flow_dissector.c), and skb_get_hash (include/linux/skbuff.h) that asks for it. */
import * as netdevice_h from '../../include/linux/netdevice.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';

// Imported constants and functions as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { dev_net } = netdevice_h;

/**
 * skb_get_hash: skb->hash if it covers the ports or the stack computed it; otherwise (no hash from
 * the NIC, or one it called L3, as igb always does) a flow hash the stack computes now.
 */
export function skb_get_hash(skb: SkBuff): number {
  if (!skb.l4_hash && !skb.sw_hash) __skb_get_hash(skb);
  return skb.hash;
}

/** __skb_get_hash: the flow dissector's hash of the 4-tuple (never 0), set as a software L4 hash. */
function __skb_get_hash(skb: SkBuff): void {
  const m = dev_net(skb.dev);
  m.cpu.charge(m.cost.flowHash);
  const f = skb.flow;
  // The flow dissector's hash is symmetric and keyed per boot; a keyed mix of the 4-tuple stands for it.
  let h = Math.imul(Math.min(f.saddr, f.daddr) ^ m.hashrnd, 0x9e3779b1);
  h = Math.imul(h ^ Math.max(f.saddr, f.daddr), 0x85ebca6b);
  h = Math.imul(h ^ ((Math.min(f.sport, f.dport) << 16) | Math.max(f.sport, f.dport)), 0xc2b2ae35);
  h = (h ^ (h >>> 16) ^ f.proto) >>> 0;
  skb.hash = h === 0 ? 1 : h;
  skb.sw_hash = true;
  skb.l4_hash = true;
}
