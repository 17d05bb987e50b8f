/** IPv4 and IPv6 addresses as text (what inet_pton and inet_ntop accept and print). */

/** Dotted quad → unsigned 32-bit number. Strict like inet_pton: 4 decimal parts, no leading zeros. */
export function parseIPv4(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4) throw new SyntaxError(`not an IPv4 address: ${JSON.stringify(text)}`);
  let addr = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) {
      throw new SyntaxError(`not an IPv4 address: ${JSON.stringify(text)}`);
    }
    addr = addr * 256 + Number(p);
  }
  return addr >>> 0;
}

export function formatIPv4(addr: number): string {
  const a = addr >>> 0;
  return `${a >>> 24}.${(a >>> 16) & 0xff}.${(a >>> 8) & 0xff}.${a & 0xff}`;
}

/** RFC 4291 text → 16 bytes: '::' compression and a dotted-quad tail are accepted. */
export function parseIPv6(text: string): Uint8Array {
  const bad = (): never => {
    throw new SyntaxError(`not an IPv6 address: ${JSON.stringify(text)}`);
  };
  const groups = (s: string, allowV4Tail: boolean): number[] => {
    if (s === '') return [];
    const out: number[] = [];
    const fields = s.split(':');
    fields.forEach((f, i) => {
      if (allowV4Tail && i === fields.length - 1 && f.includes('.')) {
        const v4 = parseIPv4(f);
        out.push(v4 >>> 16, v4 & 0xffff);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(f)) {
        out.push(parseInt(f, 16));
      } else {
        bad();
      }
    });
    return out;
  };
  let words: number[];
  try {
    const dbl = text.indexOf('::');
    if (dbl >= 0) {
      if (text.indexOf('::', dbl + 1) >= 0) bad();
      const head = groups(text.slice(0, dbl), false);
      const tail = groups(text.slice(dbl + 2), true);
      // '::' stands for at least one zero group.
      if (head.length + tail.length > 7) bad();
      words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
    } else {
      words = groups(text, true);
      if (words.length !== 8) bad();
    }
  } catch (e) {
    if (e instanceof SyntaxError) bad();
    throw e;
  }
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >>> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}
