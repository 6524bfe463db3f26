import zlib from 'node:zlib';

/**
 * A hand-signature-like PNG (a wavy stroke on white) as the data URL signature_pad would send, so the
 * demo's records are signed through the same `RecordService.sign` as a lead's finger on a phone.
 * Drawn from `seed`, so each signer's stroke differs but stays the same from one seed to the next.
 */
export function demoSignature(seed: number, width = 240, height = 80): string {
  const rows = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte: none
  for (let x = 8; x < width - 8; x++) {
    const y = Math.round(height / 2 + Math.sin(x / (9 + (seed % 5))) * (height / 4) + Math.sin(x / 3.7 + seed) * 4);
    for (let dy = -1; dy <= 1; dy++) rows[(y + dy) * (width + 1) + 1 + x] = 0;
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0; // 8-bit greyscale
  const magic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = Buffer.concat([
    magic,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
