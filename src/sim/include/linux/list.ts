/**
 * struct list_head (include/linux/list.h): an intrusive doubly linked circular list. A head is a
 * node that stands for no entry; an entry's node is empty (points at itself) while it is on no
 * list. Moving a NAPI between the poll lists is then a few pointer writes, as in the kernel, with
 * no allocation.
 */
export class ListHead<T> {
  prev: ListHead<T> = this;
  next: ListHead<T> = this;
  /** The struct this node is embedded in (container_of); null for a list head. */
  declare readonly entry: T | null;

  constructor(entry: T | null = null) {
    this.entry = entry;
  }
}

export function list_empty<T>(head: ListHead<T>): boolean {
  return head.next === head;
}

function __list_add<T>(node: ListHead<T>, prev: ListHead<T>, next: ListHead<T>): void {
  next.prev = node;
  node.next = next;
  node.prev = prev;
  prev.next = node;
}

export function list_add_tail<T>(node: ListHead<T>, head: ListHead<T>): void {
  __list_add(node, head.prev, head);
}

export function list_del_init<T>(node: ListHead<T>): void {
  node.prev.next = node.next;
  node.next.prev = node.prev;
  node.prev = node;
  node.next = node;
}

/** list_first_entry */
export function list_first_entry<T>(head: ListHead<T>): T {
  return head.next.entry!;
}

function __list_splice<T>(list: ListHead<T>, prev: ListHead<T>, next: ListHead<T>): void {
  const first = list.next;
  const last = list.prev;
  first.prev = prev;
  prev.next = first;
  last.next = next;
  next.prev = last;
}

/** list_splice: join `list` at the front of `head`; `list` itself is left stale. */
export function list_splice<T>(list: ListHead<T>, head: ListHead<T>): void {
  if (!list_empty(list)) __list_splice(list, head, head.next);
}

/** list_splice_tail: join `list` at the end of `head`; `list` itself is left stale. */
export function list_splice_tail<T>(list: ListHead<T>, head: ListHead<T>): void {
  if (!list_empty(list)) __list_splice(list, head.prev, head);
}

export function INIT_LIST_HEAD<T>(head: ListHead<T>): void {
  head.prev = head;
  head.next = head;
}

/** list_splice_init: join `list` at the front of `head` and empty `list`. */
export function list_splice_init<T>(list: ListHead<T>, head: ListHead<T>): void {
  if (list_empty(list)) return;
  __list_splice(list, head, head.next);
  INIT_LIST_HEAD(list);
}

/** list_splice_tail_init: join `list` at the end of `head` and empty `list`. */
export function list_splice_tail_init<T>(list: ListHead<T>, head: ListHead<T>): void {
  if (list_empty(list)) return;
  __list_splice(list, head.prev, head);
  INIT_LIST_HEAD(list);
}
