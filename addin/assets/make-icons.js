/* global require, process, __dirname, console, Buffer */
/**
 * Writes the add-in's icons, icon-16/20/24/32/40/48/64/80.png (every size manifest.xml names: the
 * ribbon's required 16, 32, 80 and supported 20, 24, 40, 48, 64; IconUrl 32, HighResolutionIconUrl 64)
 * and icon-128.png (for the Marketplace listings: docs/deploy.md), next to this file: a green rounded square
 * (the flag's green) with three rising white bars and a red dot (the flag's red) — a progress
 * sheet being scored. Node built-ins only (zlib for the PNG's deflate stream).
 *
 *   node addin/assets/make-icons.js      (npm run icons)
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const GREEN = [0x00, 0x6a, 0x4e, 0xff];
const RED = [0xf4, 0x2a, 0x41, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG of size×size from pixel(x, y) → [r, g, b, a]. */
function png(size, pixel) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function icon(size) {
  const s = size / 32; // designed on a 32×32 grid
  const radius = 6 * s;
  const inRoundedSquare = (x, y) => {
    const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
    const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
    return (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius ** 2;
  };
  // Three bars on a common baseline, rising left to right; a dot above the last.
  const bars = [
    { x0: 6, x1: 11, top: 19 },
    { x0: 13.5, x1: 18.5, top: 14 },
    { x0: 21, x1: 26, top: 17 },
  ];
  const baseline = 26;
  const dot = { x: 23.5, y: 10, r: 3.2 };
  return png(size, (x, y) => {
    if (!inRoundedSquare(x, y)) return CLEAR;
    const gx = (x + 0.5) / s;
    const gy = (y + 0.5) / s;
    if ((gx - dot.x) ** 2 + (gy - dot.y) ** 2 <= dot.r ** 2) return RED;
    if (bars.some((b) => gx >= b.x0 && gx <= b.x1 && gy >= b.top && gy <= baseline)) return WHITE;
    return GREEN;
  });
}

for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, icon(size));
  console.log(`${path.relative(process.cwd(), file)}: ${size}×${size}`);
}
