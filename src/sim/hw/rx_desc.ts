/**
 * One receive descriptor as the NIC writes it back into host memory (union e1000_adv_rx_desc, the
 * wb half: drivers/net/ethernet/intel/igb/e1000_82575.h).
 */
export class RxDesc {
  /** wb.upper.length: 0 until the NIC has written a frame here (igb tests it instead of DD). */
  length = 0;
  /** Status DD (descriptor done) and EOP. */
  dd = false;
  /** RSS hash the NIC computed (wb.lower.hi_dword.rss). */
  rss_hash = -0; // a double from the start (docs/fast-simulator-code.md)
  /** Error bits the NIC's checksum offload set (IPE/L4E). */
  csum_err = false;
  /**
   * The frame DMA'd into this descriptor's buffer, as its bytes land in host memory: its fields,
   * copied from the wire's frame, from which build_skb fills the skb. (An object per frame held
   * here would cost a write barrier per frame: a new object stored into a long-lived one.) The
   * flow is named by its id (the wire's flows by id).
   */
  frame_flow_id = 0;
  frame_id = 0;
  frame_time = -0; // a double from the start
  frame_seq = 0;
  frame_tcp_flags = 0;
  frame_faults = 0;
}
