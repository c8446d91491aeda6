/**
 * Time-ordered UUIDs (RFC 9562 version 7) for rows written in bulk. A random UUID lands anywhere in
 * the primary-key index, so a large import touches a different page for every row once the index
 * outgrows the page cache; ids that grow with time append to the index's last pages instead.
 */
import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let sequence = 0;
const bytes = Buffer.alloc(16);

/** A version-7 UUID; strictly increasing within this process (a counter orders ids of the same ms). */
export function orderedUuid(now: number = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    sequence++;
    // 12 bits of counter per millisecond; past them, borrow the next millisecond.
    if (sequence > 0xfff) {
      ms = ++lastMs;
      sequence = 0;
    }
  } else {
    lastMs = ms;
    sequence = 0;
  }
  randomFillSync(bytes, 8, 8);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
