import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { CustomFontEmbedder, type PDFContext, type PDFDocument, type PDFRef } from 'pdf-lib';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const fontStyles: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
export type FontkitFont = ReturnType<Fontkit['create']>;

/** One parsed font, shared by every paper of the process (it is only read). */
export type SerifFont = {
  style: FontStyle;
  font: FontkitFont;
  bytes: Uint8Array;
  /** The font file deflated once, embedded as is (pdf-lib would re-deflate it per document). */
  deflated: Uint8Array;
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
  const deflated = new Uint8Array(await promisify(deflate)(bytes));
  return { style, font: kit.create(bytes), bytes, deflated };
}

/** The four Noto Serif styles, read, parsed and deflated once per process. */
export function serifFonts(): Promise<Record<FontStyle, SerifFont>> {
  loading ??= Promise.all(fontStyles.map(loadOne)).then(
    (loaded) => Object.fromEntries(loaded.map((f) => [f.style, f])) as Record<FontStyle, SerifFont>,
  );
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Embeds the whole font file, deflated once per process. Whole, because @pdf-lib/fontkit's
 * TrueType subsetter writes a corrupt `loca` table for Noto Serif (glyphs silently vanish while
 * text extraction still looks right); deflated once, because pdf-lib would spend ~0.2–0.5 s
 * per font and document compressing the same 500 kB again.
 */
export class DeflatedFontEmbedder extends CustomFontEmbedder {
  constructor(private readonly source: SerifFont) {
    super(source.font, source.bytes);
  }

  protected override async embedFontStream(context: PDFContext): Promise<PDFRef> {
    return context.register(context.stream(this.source.deflated, { Filter: 'FlateDecode' }));
  }
}
