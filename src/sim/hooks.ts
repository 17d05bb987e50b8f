/**
 * The kernel functions a lab may replace, with the simulator's reference implementation of each:
 * one line per hook. Each hook's type is declared beside its code (include/hooks.ts says how); a
 * host installs its config's hooks over these where the kernel calls through a pointer
 * (netif_napi_add, request_irq, open_softirq, dev_add_pack, the NIC's RSS engine), and the
 * kernel-named dispatcher of each other one calls the host's version.
 */
import type { HookName, Hooks } from './include/hooks.ts';
import type { NapiStruct } from './include/linux/netdevice.ts';
import type { SkBuff } from './include/linux/skbuff.ts';
import { igb_msix_ring, igb_poll } from './drivers/net/ethernet/intel/igb/igb_main.ts';
import { rss_select_queue } from './hw/rss.ts';
import { enqueue_to_backlog_reference, get_rps_cpu_reference, net_rx_action } from './net/core/dev.ts';
import { gro_receive_skb } from './net/core/gro.ts';
import { ip_rcv } from './net/ipv4/ip_input.ts';
import { __udp_enqueue_schedule_skb_reference } from './net/ipv4/udp.ts';

export const referenceHooks: Readonly<Hooks> = Object.freeze({
  igb_msix_ring,
  igb_poll,
  net_rx_action,
  rss_select_queue,
  get_rps_cpu: get_rps_cpu_reference,
  enqueue_to_backlog: enqueue_to_backlog_reference,
  // The kernel's napi_gro_receive is this inline of include/linux/netdevice.h.
  napi_gro_receive: (napi: NapiStruct, skb: SkBuff) => gro_receive_skb(napi.gro, skb),
  ip_rcv,
  __udp_enqueue_schedule_skb: __udp_enqueue_schedule_skb_reference,
});

export const HOOK_NAMES = Object.keys(referenceHooks) as HookName[];
