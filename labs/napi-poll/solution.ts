import { container_of, IGB_RX_BUFFER_WRITE, IGB_RX_DESC, igb_alloc_rx_buffers, igb_build_skb, igb_desc_unused, igb_ring_irq_enable, napi_complete_done, napi_gro_receive, QVector, type NapiStruct } from 'packet-path/sim';

/** The NAPI poll of one igb queue, as igb_poll and igb_clean_rx_irq do it. */
export function igb_poll(napi: NapiStruct, budget: number): number {
  // The q_vector this NAPI is embedded in (igb_poll does container_of(napi, struct igb_q_vector, napi)).
  const q_vector = container_of(napi, QVector);
  const rx_ring = q_vector.rx_ring;
  let work_done = 0;
  // Descriptors left unfilled by an earlier allocation failure are retried too.
  let cleaned_count = igb_desc_unused(rx_ring);

  while (work_done < budget) {
    if (cleaned_count >= IGB_RX_BUFFER_WRITE) {
      igb_alloc_rx_buffers(rx_ring, cleaned_count);
      cleaned_count = 0;
    }
    const rx_desc = IGB_RX_DESC(rx_ring, rx_ring.next_to_clean);
    if (!rx_desc.length) break; // the NIC has not written this one yet
    const skb = igb_build_skb(rx_ring, rx_desc);
    cleaned_count++;
    if (!skb) continue;
    napi_gro_receive(napi, skb);
    work_done++;
  }
  if (cleaned_count) igb_alloc_rx_buffers(rx_ring, cleaned_count);

  // Work left: stay scheduled, keep the interrupt masked; net_rx_action polls again.
  if (work_done === budget) return budget;
  if (napi_complete_done(napi, work_done)) igb_ring_irq_enable(q_vector);
  return work_done;
}
