/**
 * Draws the app's icons (a ballot going into a ballot box, white on the app's red) into
 * src/web/public/icons/. The PNGs are committed; run again only to change the design:
 * npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const RED = [0xe0, 0x31, 0x31] as const; // Mantine red.8, the app name's colour
const DARK = [0x9b, 0x1c, 0x1c] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
type Rgb = readonly [number, number, number];

/** Shapes in a unit square, the last one that covers a point wins. */
type Shape = { readonly color: Rgb; readonly covers: (x: number, y: number) => boolean };
const rect = (x0: number, y0: number, x1: number, y1: number, color: Rgb): Shape => ({
  color,
  covers: (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1,
});
/** A thick line segment (for the tick). */
const stroke = (ax: number, ay: number, bx: number, by: number, w: number, color: Rgb): Shape => ({
  color,
  covers: (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w / 2;
  },
});

/** The design inside `pad` of each edge (a maskable icon keeps its drawing in the middle 80 %). */
function shapes(pad: number): Shape[] {
  const s = (v: number) => pad + v * (1 - 2 * pad);
  return [
    // The ballot, half in the box, with a tick.
    rect(s(0.33), s(0.12), s(0.67), s(0.55), WHITE),
    stroke(s(0.41), s(0.33), s(0.48), s(0.41), (1 - 2 * pad) * 0.05, RED),
    stroke(s(0.48), s(0.41), s(0.6), s(0.24), (1 - 2 * pad) * 0.05, RED),
    // The box and its slot.
    rect(s(0.15), s(0.5), s(0.85), s(0.88), WHITE),
    rect(s(0.28), s(0.5), s(0.72), s(0.56), DARK),
    rect(s(0.33), s(0.5), s(0.67), s(0.53), WHITE),
  ];
}

function draw(size: number, pad: number, rounded: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  const design = shapes(pad);
  const N = 4; // samples per axis, for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = (px + (sx + 0.5) / N) / size;
          const y = (py + (sy + 0.5) / N) / size;
          // A rounded square for the plain icon; a maskable one fills its square.
          const k = 0.18;
          const cx = Math.max(k - x, 0, x - (1 - k));
          const cy = Math.max(k - y, 0, y - (1 - k));
          if (rounded && Math.hypot(cx, cy) > k) continue;
          let c: Rgb = RED;
          for (const sh of design) if (sh.covers(x, y)) c = sh.color;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
      const n = N * N;
      const i = (py * size + px) * 4;
      const cover = a / 255;
      png.data[i] = cover ? Math.round(r / cover) : 0;
      png.data[i + 1] = cover ? Math.round(g / cover) : 0;
      png.data[i + 2] = cover ? Math.round(b / cover) : 0;
      png.data[i + 3] = Math.round(a / n);
    }
  }
  return PNG.sync.write(png);
}

const dir = 'src/web/public/icons';
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/icon-192.png`, draw(192, 0.08, true));
writeFileSync(`${dir}/icon-512.png`, draw(512, 0.08, true));
writeFileSync(`${dir}/maskable-512.png`, draw(512, 0.18, false));
writeFileSync(`${dir}/apple-touch-icon.png`, draw(180, 0.12, false));
