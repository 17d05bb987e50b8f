import { describe, expect, it } from 'vitest';
import { ListHead, list_add_tail, list_del_init, list_empty, list_first_entry, list_splice, list_splice_init, list_splice_tail, list_splice_tail_init } from '../../../src/sim/kernel-api.ts';

/** Entries with their node, as a struct embeds its list_head. */
const entries = (...names: string[]) => names.map((name) => ({ name, node: new ListHead<string>(name) }));
function names(head: ListHead<string>): string[] {
  const out: string[] = [];
  for (let n = head.next; n !== head; n = n.next) out.push(n.entry!);
  // The same entries walked backwards: the prev links agree with the next links.
  const back: string[] = [];
  for (let n = head.prev; n !== head; n = n.prev) back.unshift(n.entry!);
  expect(back).toEqual(out);
  return out;
}

describe('list_head', () => {
  it('adds at the tail, removes anywhere, and an entry removed is on no list', () => {
    const head = new ListHead<string>();
    const [a, b, c] = entries('a', 'b', 'c');
    for (const e of [a!, b!, c!]) list_add_tail(e.node, head);
    expect(names(head)).toEqual(['a', 'b', 'c']);
    expect(list_first_entry(head)).toBe('a');
    list_del_init(b!.node);
    expect(names(head)).toEqual(['a', 'c']);
    expect(list_empty(b!.node)).toBe(true);
    list_del_init(b!.node); // deleting an entry that is on no list changes nothing
    expect(names(head)).toEqual(['a', 'c']);
  });

  it('splices as net_rx_action does: what is left, then new arrivals, then repoll, back on the poll list', () => {
    const [a, b, c, d, e] = entries('a', 'b', 'c', 'd', 'e');
    const poll_list = new ListHead<string>();
    const list = new ListHead<string>();
    const repoll = new ListHead<string>();
    list_add_tail(a!.node, poll_list);
    list_add_tail(b!.node, poll_list);
    list_splice_init(poll_list, list);
    expect(list_empty(poll_list)).toBe(true);
    expect(names(list)).toEqual(['a', 'b']);
    list_del_init(a!.node);
    list_add_tail(a!.node, repoll); // a used its budget
    list_add_tail(c!.node, poll_list); // c was scheduled meanwhile
    list_add_tail(d!.node, poll_list);
    list_splice_tail_init(poll_list, list);
    list_splice_tail(repoll, list);
    list_splice(list, poll_list);
    expect(names(poll_list)).toEqual(['b', 'c', 'd', 'a']);
    list_add_tail(e!.node, poll_list);
    expect(names(poll_list)).toEqual(['b', 'c', 'd', 'a', 'e']);
  });
});
