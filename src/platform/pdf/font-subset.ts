/**
 * A TrueType subsetter that keeps glyph ids. @pdf-lib/fontkit's subsetter renumbers glyphs and
 * writes a corrupt `loca` for Noto Serif (see platform/pdf/fonts.ts); this one only empties the
 * outlines of glyphs nobody asked for, so the font stays valid, ids need no remapping (the PDF
 * uses CIDToGIDMap /Identity) and later incremental updates can address any kept glyph by id.
 */

/** Tables a PDF viewer needs from an embedded TrueType (FontFile2); layout tables are dropped. */
const KEEP = new Set([
  'head',
  'hhea',
  'maxp',
  'hmtx',
  'loca',
  'glyf',
  'cvt ',
  'fpgm',
  'prep',
  'OS/2',
  'name',
  'post',
  'cmap',
  'gasp',
]);

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

type Table = { tag: string; data: Uint8Array };

function readTables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.set(tag, font.subarray(offset, offset + length));
  }
  return tables;
}

/** Glyph outline boundaries from `loca` (short format stores offsets / 2). */
function readLoca(loca: Uint8Array, longFormat: boolean, glyphCount: number): number[] {
  const view = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  return Array.from({ length: glyphCount + 1 }, (_, i) =>
    longFormat ? view.getUint32(i * 4) : view.getUint16(i * 2) * 2,
  );
}

/** Adds the components of composite glyphs (precomposed Vietnamese letters are base + marks). */
function closeOverComponents(glyf: Uint8Array, offsets: number[], wanted: Set<number>): void {
  const view = new DataView(glyf.buffer, glyf.byteOffset, glyf.byteLength);
  const pending = [...wanted];
  while (pending.length > 0) {
    const gid = pending.pop()!;
    const start = offsets[gid]!;
    if (offsets[gid + 1]! <= start || view.getInt16(start) >= 0) continue;
    let at = start + 10;
    let flags: number;
    do {
      flags = view.getUint16(at);
      const component = view.getUint16(at + 2);
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!wanted.has(component)) {
        wanted.add(component);
        pending.push(component);
      }
    } while (flags & MORE_COMPONENTS);
  }
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(data.length / 4) * 4);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function writeFont(tables: Table[]): Uint8Array {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const headerLength = 12 + 16 * tables.length;
  const total = tables.reduce((n, t) => n + Math.ceil(t.data.length / 4) * 4, headerLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(tables.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.length);
  view.setUint16(6, 16 * 2 ** entrySelector);
  view.setUint16(8, entrySelector);
  view.setUint16(10, tables.length * 16 - 16 * 2 ** entrySelector);
  let offset = headerLength;
  let headOffset = -1;
  tables.forEach((table, i) => {
    const at = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[at + c] = table.tag.charCodeAt(c);
    view.setUint32(at + 4, checksum(table.data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, table.data.length);
    out.set(table.data, offset);
    if (table.tag === 'head') headOffset = offset;
    offset += Math.ceil(table.data.length / 4) * 4;
  });
  // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** Returns a TrueType font holding only the outlines of `glyphIds` (and their components). */
export function subsetTrueType(font: Uint8Array, glyphIds: Iterable<number>): Uint8Array {
  const tables = readTables(font);
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) throw new Error('not a TrueType font with outlines');
  const longFormat = new DataView(head.buffer, head.byteOffset).getInt16(50) === 1;
  const glyphCount = new DataView(maxp.buffer, maxp.byteOffset).getUint16(4);
  const offsets = readLoca(loca, longFormat, glyphCount);
  const wanted = new Set([0, ...glyphIds]);
  closeOverComponents(glyf, offsets, wanted);

  const kept: Uint8Array[] = [];
  const newOffsets: number[] = [0];
  let size = 0;
  for (let gid = 0; gid < glyphCount; gid++) {
    if (wanted.has(gid)) {
      const outline = glyf.subarray(offsets[gid]!, offsets[gid + 1]!);
      const padded = new Uint8Array(Math.ceil(outline.length / 4) * 4);
      padded.set(outline);
      kept.push(padded);
      size += padded.length;
    }
    newOffsets.push(size);
  }
  const newGlyf = new Uint8Array(size);
  let at = 0;
  for (const outline of kept) {
    newGlyf.set(outline, at);
    at += outline.length;
  }
  const newLoca = new Uint8Array((glyphCount + 1) * (longFormat ? 4 : 2));
  const locaView = new DataView(newLoca.buffer);
  newOffsets.forEach((o, i) =>
    longFormat ? locaView.setUint32(i * 4, o) : locaView.setUint16(i * 2, o / 2),
  );

  // post version 3: no glyph names (they are most of the table and a PDF never needs them).
  const post = tables.get('post');
  const newPost = post ? new Uint8Array(post.subarray(0, 32)) : undefined;
  if (newPost) new DataView(newPost.buffer).setUint32(0, 0x00030000);
  const newHead = new Uint8Array(head);
  new DataView(newHead.buffer).setUint32(8, 0);

  const out: Table[] = [];
  for (const [tag, data] of tables) {
    if (!KEEP.has(tag)) continue;
    const replaced = { glyf: newGlyf, loca: newLoca, post: newPost, head: newHead }[tag as 'glyf'];
    out.push({ tag, data: replaced ?? data });
  }
  return writeFont(out);
}
