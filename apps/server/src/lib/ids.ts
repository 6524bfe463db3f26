import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;

// Random bytes come from a pool refilled 4 KiB at a time (as the uuid package does): one
// randomFillSync call per 256 ids instead of two per id, which showed up in create profiles.
const POOL = Buffer.alloc(4096);
let poolPos = POOL.length;
function random(n: number): Buffer {
  if (poolPos + n > POOL.length) {
    randomFillSync(POOL);
    poolPos = 0;
  }
  poolPos += n;
  return POOL.subarray(poolPos - n, poolPos);
}

/**
 * UUIDv7 (RFC 9562): time-ordered, so primary keys of new rows are roughly increasing and make
 * stable keyset tie-breakers; the 12-bit counter keeps ids from one process strictly monotonic.
 */
export function newId(now = Date.now()): string {
  if (now <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    seq = random(2).readUInt16BE(0) & 0x7ff;
  }
  const b = Buffer.from(random(16));
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
