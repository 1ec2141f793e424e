import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import {
  Cache,
  CustomFontEmbedder,
  type PDFContext,
  type PDFDocument,
  type PDFHexString,
  type PDFRef,
} from 'pdf-lib';
import { subsetTrueType } from './font-subset.js';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const fontStyles: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
export type FontkitFont = ReturnType<Fontkit['create']>;
type Glyph = ReturnType<FontkitFont['layout']>['glyphs'][number];

/** One parsed font, shared by every paper of the process (it is only read). */
export type SerifFont = {
  style: FontStyle;
  font: FontkitFont;
  bytes: Uint8Array;
};

// TrueType files from @expo-google-fonts/noto-serif: full Vietnamese coverage. The woff/woff2
// builds elsewhere lack letters or crash fontkit, so only these .ttf files are used.
const files: Record<FontStyle, string> = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
};

const require = createRequire(import.meta.url);
const kit: Fontkit = fontkit;
let loading: Promise<Record<FontStyle, SerifFont>> | undefined;

async function loadOne(style: FontStyle): Promise<SerifFont> {
  const bytes = new Uint8Array(await readFile(require.resolve(files[style])));
  return { style, font: kit.create(bytes), bytes };
}

/** The four Noto Serif styles, read and parsed once per process. */
export function serifFonts(): Promise<Record<FontStyle, SerifFont>> {
  loading ??= Promise.all(fontStyles.map(loadOne)).then(
    (loaded) => Object.fromEntries(loaded.map((f) => [f.style, f])) as Record<FontStyle, SerifFont>,
  );
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Embeds the font with only the outlines this document draws, deflated. @pdf-lib/fontkit's
 * own TrueType subsetter writes a corrupt `loca` table for Noto Serif (glyphs silently vanish
 * while text extraction still looks right), so `subsetTrueType` keeps every glyph id and only
 * empties the outlines nobody asked for; the widths and the ToUnicode map list only the
 * glyphs used. A one-page form carries ~40 kB of fonts instead of ~1.1 MB.
 */
export class DeflatedFontEmbedder extends CustomFontEmbedder {
  private readonly used = new Map<number, Glyph>();

  constructor(private readonly source: SerifFont) {
    super(source.font, source.bytes);
    // Widths (W) and the ToUnicode CMap are written from this list: the used glyphs, by id.
    this.glyphCache = Cache.populatedBy(() => [...this.used.values()].sort((a, b) => a.id - b.id));
  }

  override encodeText(text: string): PDFHexString {
    for (const glyph of this.font.layout(text, this.fontFeatures).glyphs) {
      this.used.set(glyph.id, glyph);
    }
    return super.encodeText(text);
  }

  protected override async embedFontStream(context: PDFContext): Promise<PDFRef> {
    const subset = subsetTrueType(this.source.bytes, this.used.keys());
    const deflated = new Uint8Array(await promisify(deflate)(subset));
    return context.register(
      context.stream(deflated, { Filter: 'FlateDecode', Length1: subset.length }),
    );
  }
}
