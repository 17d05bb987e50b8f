/** struct page, reduced to what the driver's page reuse and the skb need (include/linux/mm_types.h). */

/** PAGE_SIZE on x86_64 (arch/x86/include/asm/page_types.h). */
export const PAGE_SIZE = 4096;

/** A page the driver maps for DMA; igb splits it in two 2 KiB halves and flips between them. */
export class Page {
  /** skbs still holding a half of this page. While the stack holds it, the driver cannot reuse it. */
  skbRefs = 0;
}
