/**
 * The font of the stamps and signature appearances: Noto Serif regular, subset once per process
 * to every glyph a stamp may need (Vietnamese, Latin-1, common punctuation). preparePdf embeds
 * it before the first signature; each signature's incremental update then only refers to it
 * and writes glyph ids, so no signature re-embeds or re-parses a font.
 */
import { deflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  type PDFContext,
  type PDFRef,
} from 'pdf-lib';
import { type FontkitFont, serifFonts } from '../pdf/fonts.js';
import { subsetTrueType } from '../pdf/font-subset.js';

const VIETNAMESE =
  'ĂăĐđĨĩŨũƠơƯư' +
  String.fromCodePoint(...Array.from({ length: 0x1ef9 - 0x1ea0 + 1 }, (_, i) => 0x1ea0 + i));
const PUNCTUATION = '‐‑‒–—―‘’‚“”„†‡•…‰‹›€№™−';
const range = (from: number, to: number) =>
  String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
/** Characters a stamp may contain; anything else is drawn as "?". */
export const STAMP_CHARACTERS = range(0x20, 0x7e) + range(0xa0, 0xff) + VIETNAMESE + PUNCTUATION;

export type StampFont = {
  font: FontkitFont;
  unitsPerEm: number;
  /** code point → glyph id, for the characters above only. */
  glyphs: Map<number, number>;
  /** glyph id → advance in 1/1000 em. */
  widths: Map<number, number>;
  fontFile: Uint8Array;
  fontFileLength: number;
  toUnicode: Uint8Array;
  ascent: number;
  descent: number;
};

let loading: Promise<StampFont> | undefined;

/** The parsed font, its subset and its maps, built once per process. */
export function stampFont(): Promise<StampFont> {
  loading ??= serifFonts().then(({ regular }) => build(regular.font, regular.bytes));
  loading.catch(() => (loading = undefined));
  return loading;
}

function build(font: FontkitFont, bytes: Uint8Array): StampFont {
  const glyphs = new Map<number, number>();
  const widths = new Map<number, number>();
  for (const char of STAMP_CHARACTERS) {
    const cp = char.codePointAt(0)!;
    const glyph = font.glyphForCodePoint(cp);
    if (!glyph || glyph.id === 0) continue;
    glyphs.set(cp, glyph.id);
    widths.set(glyph.id, Math.round((glyph.advanceWidth * 1000) / font.unitsPerEm));
  }
  const subset = subsetTrueType(bytes, glyphs.values());
  return {
    font,
    unitsPerEm: font.unitsPerEm,
    glyphs,
    widths,
    fontFile: deflateSync(subset),
    fontFileLength: subset.length,
    toUnicode: deflateSync(Buffer.from(toUnicodeCMap(glyphs), 'latin1')),
    ascent: (font.ascent * 1000) / font.unitsPerEm,
    descent: (font.descent * 1000) / font.unitsPerEm,
  };
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();

function toUnicodeCMap(glyphs: Map<number, number>): string {
  const pairs = [...glyphs].map(([cp, gid]) => `<${hex4(gid)}> <${hex4(cp)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Glyph ids as a PDF hex string and the width of the text at `size` points. */
export function encode(
  font: StampFont,
  text: string,
  size: number,
): { hex: string; width: number } {
  const question = font.glyphs.get(0x3f)!;
  let hex = '';
  let units = 0;
  for (const char of text.normalize('NFC')) {
    const gid = font.glyphs.get(char.codePointAt(0)!) ?? question;
    hex += hex4(gid);
    units += font.widths.get(gid) ?? 0;
  }
  return { hex: `<${hex}>`, width: (units * size) / 1000 };
}

export function textWidth(font: StampFont, text: string, size: number): number {
  return encode(font, text, size).width;
}

/** Registers the Type0 font objects in a pdf-lib context; returns the font's reference. */
export function registerStampFont(context: PDFContext, font: StampFont): PDFRef {
  const name = `OPSTMP+${font.font.postscriptName ?? 'NotoSerif-Regular'}`;
  const fontFile = context.register(
    PDFRawStream.of(
      context.obj({ Filter: 'FlateDecode', Length1: font.fontFileLength }),
      font.fontFile,
    ),
  );
  const bbox = font.font.bbox;
  const scale = (v: number) => Math.round((v * 1000) / font.unitsPerEm);
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: 34,
      FontBBox: [scale(bbox.minX), scale(bbox.minY), scale(bbox.maxX), scale(bbox.maxY)],
      ItalicAngle: 0,
      Ascent: Math.round(font.ascent),
      Descent: Math.round(font.descent),
      CapHeight: scale(font.font.capHeight),
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  const w = PDFArray.withContext(context);
  for (const [gid, width] of [...font.widths].sort((a, b) => a[0] - b[0])) {
    w.push(PDFNumber.of(gid));
    w.push(context.obj([width]));
  }
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: {
        Registry: PDFString.of('Adobe'),
        Ordering: PDFString.of('Identity'),
        Supplement: 0,
      },
      FontDescriptor: descriptor,
      W: w,
      DW: 0,
      CIDToGIDMap: PDFName.of('Identity'),
    }),
  );
  const toUnicode = context.register(
    PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), font.toUnicode),
  );
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}
