import { Fifo } from './fifo.ts';
import type { SkBuff } from './skbuff.ts';

/** struct sk_buff_head: a FIFO of skbs. */
export class SkbQueue extends Fifo<SkBuff> {}
