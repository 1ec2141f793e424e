/**
 * The agency's seal drawn with vectors in red (Decree 30 annex I: the seal image at real size,
 * over the left third of the signer's image): a double outer ring, the agency name set along
 * the ring, an inner circle and a five-pointed star in the middle.
 */
import { n, RED, stroke, type Drawing } from './appearance.js';
import { encode, type StampFont } from './stamp-font.js';

const f4 = (v: number) => (Math.round(v * 10000) / 10000).toString();

/** Bézier control distance for a quarter circle. */
const KAPPA = 0.5523;

function circle(cx: number, cy: number, r: number): string {
  const k = r * KAPPA;
  return [
    `${n(cx + r)} ${n(cy)} m`,
    `${n(cx + r)} ${n(cy + k)} ${n(cx + k)} ${n(cy + r)} ${n(cx)} ${n(cy + r)} c`,
    `${n(cx - k)} ${n(cy + r)} ${n(cx - r)} ${n(cy + k)} ${n(cx - r)} ${n(cy)} c`,
    `${n(cx - r)} ${n(cy - k)} ${n(cx - k)} ${n(cy - r)} ${n(cx)} ${n(cy - r)} c`,
    `${n(cx + k)} ${n(cy - r)} ${n(cx + r)} ${n(cy - k)} ${n(cx + r)} ${n(cy)} c`,
  ].join(' ');
}

function star(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382;
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    return `${n(cx + r * Math.cos(a))} ${n(cy + r * Math.sin(a))}`;
  });
  return `${points[0]} m ${points
    .slice(1)
    .map((p) => `${p} l`)
    .join(' ')} h f`;
}

/** Characters placed one by one along an arc, clockwise from the top, upright outward. */
function ringText(
  font: StampFont,
  text: string,
  cx: number,
  cy: number,
  inner: number,
  outer: number,
): string {
  let size = (outer - inner) * 0.62;
  let radius = inner + (outer - inner - size * 0.72) / 2;
  // Shrink until the text spans at most 320° of the ring.
  while (encode(font, text, size).width / radius > (320 * Math.PI) / 180 && size > 3) {
    size *= 0.95;
    radius = inner + (outer - inner - size * 0.72) / 2;
  }
  const span = encode(font, text, size).width / radius;
  let angle = Math.PI / 2 + span / 2;
  const ops: string[] = [`BT /F1 ${n(size)} Tf`];
  for (const char of text) {
    const width = encode(font, char, size).width;
    const theta = angle - width / 2 / radius;
    const phi = theta - Math.PI / 2;
    const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
    const x = cx + radius * Math.cos(theta) - (width / 2) * cos;
    const y = cy + radius * Math.sin(theta) - (width / 2) * sin;
    ops.push(
      `${f4(cos)} ${f4(sin)} ${f4(-sin)} ${f4(cos)} ${n(x)} ${n(y)} Tm ${encode(font, char, size).hex} Tj`,
    );
    angle -= width / radius;
  }
  ops.push('ET');
  return ops.join('\n');
}

export function sealDrawing(font: StampFont, side: number, agencyName: string): Drawing {
  const c = side / 2;
  const outer = c - 1.2;
  const ring = outer - 2.4;
  const inner = outer * 0.6;
  const [r, g, b] = RED;
  const ops = [
    `q ${n(r)} ${n(g)} ${n(b)} rg ${stroke(RED)}`,
    `1.8 w ${circle(c, c, outer)} S`,
    `0.6 w ${circle(c, c, ring)} S`,
    `0.9 w ${circle(c, c, inner)} S`,
    star(c, c, inner * 0.55),
    ringText(font, agencyName.normalize('NFC').toLocaleUpperCase('vi'), c, c, inner + 1, ring - 1),
    'Q',
  ];
  return { width: side, height: side, ops: ops.join('\n') };
}
