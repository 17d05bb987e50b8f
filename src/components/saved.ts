/**
 * Reading and writing what the course keeps in the browser (localStorage, under `pp-` keys). An
 * entry that cannot be read is never thrown away: it is copied to `<key>-corrupt` before the
 * caller starts afresh, so a learner (or we) can still recover it.
 */
export type Saved<T> =
  | { status: 'none' }
  | { status: 'ok'; value: T }
  /** The browser refuses storage (private mode, disabled): nothing will survive a reload. */
  | { status: 'unavailable' }
  /** Something was saved but is not what we expect; it was set aside. */
  | { status: 'corrupt' };

export function loadSaved<T>(storage: Storage, key: string, valid: (x: unknown) => x is T): Saved<T> {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { status: 'unavailable' };
  }
  if (raw === null) return { status: 'none' };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (valid(parsed)) return { status: 'ok', value: parsed };
  } catch {
    /* set aside below */
  }
  try {
    storage.setItem(`${key}-corrupt`, raw);
  } catch {
    /* keeping the copy is best effort */
  }
  return { status: 'corrupt' };
}

/** false when the browser would not store it (full or disabled). */
export function save(storage: Storage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
