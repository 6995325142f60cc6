// Draws the NetworkSync logo (three linked nodes on a Fluent-blue rounded square) into the PNG
// icons the manifests name: assets/icon-{16,32,64,80,128}.png, plus the unified manifest's
// color-192.png and outline-32.png (white on transparent). No dependencies: a tiny PNG encoder.
//   node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "assets");

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
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
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1), as signed distance functions (< 0 inside).
const nodes = [
  [0.3, 0.36],
  [0.7, 0.36],
  [0.5, 0.7],
];
const links = [
  [0, 1],
  [1, 2],
  [2, 0],
];
function roundedSquare(x, y, r) {
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
function segment(x, y, [ax, ay], [bx, by]) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
}
function mark(x, y) {
  let d = Infinity;
  for (const [cx, cy] of nodes) d = Math.min(d, Math.hypot(x - cx, y - cy) - 0.105);
  for (const [a, b] of links) d = Math.min(d, segment(x, y, nodes[a], nodes[b]) - 0.035);
  return d;
}

function draw(size, { outline = false } = {}) {
  const rgba = Buffer.alloc(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (roundedSquare(x, y, 0.22) < 0) bg++;
          if (mark(x, y) < 0) fg++;
        }
      }
      const n = ss * ss;
      const i = (py * size + px) * 4;
      if (outline) {
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 255;
        rgba[i + 3] = Math.round((fg / n) * 255);
        continue;
      }
      // Fluent brand blue, a little lighter at the top.
      const t = py / size;
      const blue = [Math.round(17 - 6 * t), Math.round(120 - 30 * t), Math.round(205 - 40 * t)];
      const a = bg / n;
      const f = fg / n;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(blue[c] * (1 - f) + 255 * f);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, rgba);
}

mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) writeFileSync(path.join(out, `icon-${size}.png`), draw(size));
writeFileSync(path.join(out, "color-192.png"), draw(192));
writeFileSync(path.join(out, "outline-32.png"), draw(32, { outline: true }));
console.log("wrote assets/icon-{16,32,64,80,128}.png, color-192.png, outline-32.png");
