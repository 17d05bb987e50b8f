import { container_of, IGB_RX_BUFFER_WRITE, IGB_RX_DESC, igb_alloc_rx_buffers, igb_build_skb, igb_desc_unused, igb_ring_irq_enable, napi_complete_done, napi_gro_receive, QVector, type NapiStruct } from 'packet-path/sim';

/**
 * The NAPI poll of one igb queue. net_rx_action calls it with budget = 64 (the NAPI's weight).
 * Return how many packets you passed up.
 */
export function igb_poll(napi: NapiStruct, budget: number): number {
  // The q_vector this NAPI is embedded in (igb_poll does container_of(napi, struct igb_q_vector, napi)).
  const q_vector = container_of(napi, QVector);
  const rx_ring = q_vector.rx_ring;
  let work_done = 0;

  // TODO: cleaned_count starts at igb_desc_unused(rx_ring) (descriptors an earlier refill missed).
  // TODO: while work_done < budget, look at IGB_RX_DESC(rx_ring, rx_ring.next_to_clean):
  //   its length is 0 until the NIC has written a frame into it — then stop.
  //   igb_build_skb(rx_ring, rx_desc) gives the skb; pass it to napi_gro_receive(napi, skb).
  // TODO: give cleaned descriptors back with igb_alloc_rx_buffers (every IGB_RX_BUFFER_WRITE, and at the end).
  // TODO: used the whole budget? return budget. Otherwise complete NAPI, and if
  //   napi_complete_done says so, re-enable the interrupt with igb_ring_irq_enable(q_vector).

  return work_done;
}
