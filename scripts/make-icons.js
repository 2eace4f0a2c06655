#!/usr/bin/env node
/**
 * Draws the add-in's icons (an open book under the sun, on the sky blue of
 * Kazakhstan's flag) as PNGs at the sizes Office asks for, with no image
 * library: shapes are sampled 4×4 per pixel and written with zlib.
 *
 *   node scripts/make-icons.js [folder]      (default: assets/)
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { Buffer } = require('node:buffer');

const SIZES = [16, 32, 64, 80, 128];
const SKY = [0, 159, 196];
const SUN = [255, 199, 44];
const PAGE = [255, 255, 255];
const SPINE = [0, 98, 122];

function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at (x, y) in the unit square, or null outside the icon. */
function shade(x, y) {
  if (!inRoundedSquare(x, y, 0.18)) return null;
  if ((x - 0.5) ** 2 + (y - 0.2) ** 2 <= 0.1 ** 2) return SUN;
  if (
    inPolygon(x, y, [
      [0.47, 0.38],
      [0.53, 0.38],
      [0.53, 0.84],
      [0.47, 0.84],
    ])
  )
    return SPINE;
  if (
    inPolygon(x, y, [
      [0.12, 0.34],
      [0.47, 0.4],
      [0.47, 0.84],
      [0.12, 0.78],
    ])
  )
    return PAGE;
  if (
    inPolygon(x, y, [
      [0.53, 0.4],
      [0.88, 0.34],
      [0.88, 0.78],
      [0.53, 0.84],
    ])
  )
    return PAGE;
  return SKY;
}

function render(size) {
  const N = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const c = shade((px + (sx + 0.5) / N) / size, (py + (sy + 0.5) / N) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const o = (py * size + px) * 4;
      if (a) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (N * N));
      }
    }
  }
  return png(size, size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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
function png(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) fs.writeFileSync(path.join(dir, `icon-${size}.png`), render(size));
  console.log(`Icons written to ${dir}: ${SIZES.map((s) => `${s}px`).join(', ')}`);
}

module.exports = { render, SIZES };
