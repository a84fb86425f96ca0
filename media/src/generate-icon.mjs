// Generates media/icon.png (128x128), the Marketplace / Extensions view icon:
// the activity bar glyph (media/campaign.svg — a flag and a trail of
// sessions) in white on a rounded blue tile. Node built-ins only; run
// `node media/src/generate-icon.mjs` after changing the design. This folder
// is excluded from the .vsix (.vscodeignore).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // 4x4 supersampling per pixel for smooth edges

// Glyph geometry in the SVG's 24-unit space, placed on the tile.
const SCALE = 4.2;
const OFFSET_X = (SIZE - 24 * SCALE) / 2 + 4;
const OFFSET_Y = (SIZE - 24 * SCALE) / 2;
const flag = [[6, 4.2], [18.2, 4.2], [14.9, 8.5], [18.2, 12.8], [6, 12.8]];
const pole = { x: 6, y1: 3.4, y2: 21, r: 1.05 };
const dots = [
  { x: 10.5, y: 19.8, r: 1.15, alpha: 1 },
  { x: 14.1, y: 19.8, r: 1.15, alpha: 0.75 },
  { x: 17.7, y: 19.8, r: 1.15, alpha: 0.5 },
];

function insidePolygon(px, py, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** White glyph coverage at a point in glyph units: 0..1. */
function glyph(gx, gy) {
  if (insidePolygon(gx, gy, flag)) return 1;
  const dy = gy < pole.y1 ? pole.y1 - gy : gy > pole.y2 ? gy - pole.y2 : 0;
  if (Math.hypot(gx - pole.x, dy) <= pole.r) return 1;
  for (const d of dots) if (Math.hypot(gx - d.x, gy - d.y) <= d.r) return d.alpha;
  return 0;
}

/** Inside the rounded tile? */
function tile(x, y) {
  const r = 26;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let a = 0;
    let white = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        if (!tile(px, py)) continue;
        a++;
        white += glyph((px - OFFSET_X) / SCALE, (py - OFFSET_Y) / SCALE);
      }
    }
    const n = SAMPLES * SAMPLES;
    const t = (x + y) / (2 * SIZE); // diagonal gradient: deep blue to bright blue
    const bg = [Math.round(30 + t * 7), Math.round(58 + t * 72), Math.round(138 + t * 92)];
    const w = a ? white / a : 0;
    const i = (y * SIZE + x) * 4;
    for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(bg[c] * (1 - w) + 255 * w);
    rgba[i + 3] = Math.round((255 * a) / n);
  }
}

// PNG: signature, IHDR, IDAT (filter 0 per row), IEND.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
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
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
