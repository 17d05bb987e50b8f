/** container_of (include/linux/container_of.h): the struct a member is embedded in. */

/** A struct that other structs embed: it knows the one it is embedded in. */
export interface Embedded {
  readonly container: object | null;
}

/**
 * container_of(ptr, type, member): the `type` that `member` is embedded in, e.g.
 * container_of(napi, QVector) for igb's struct igb_q_vector. Checked: a NAPI not embedded in a
 * QVector is refused, where C would hand back garbage.
 */
export function container_of<T>(member: Embedded, type: abstract new (...args: never[]) => T): T {
  const c = member.container;
  if (!(c instanceof type)) throw new TypeError(`container_of: this ${member.constructor.name} is not embedded in a ${type.name}`);
  return c;
}
