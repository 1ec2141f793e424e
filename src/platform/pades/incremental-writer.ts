/**
 * Appends one incremental update: new objects and new versions of changed ones, a classic
 * cross-reference section and a trailer pointing back to the previous one (/Prev). The bytes
 * before it are never touched, so every earlier signature keeps its ByteRange valid.
 */
import { PDFName, PDFNumber, type PDFDict, type PDFObject, type PDFRef } from 'pdf-lib';

export type Written = { ref: PDFRef; body: PDFObject | Uint8Array };

export type Update = {
  bytes: Uint8Array;
  /** Offset of each written object's body (after "n g obj\n") in the whole new file. */
  bodyOffsets: Map<number, number>;
};

const encoder = new TextEncoder();

function serialise(body: PDFObject | Uint8Array): Uint8Array {
  if (body instanceof Uint8Array) return body;
  const out = new Uint8Array(body.sizeInBytes());
  body.copyBytesInto(out, 0);
  return out;
}

export function appendUpdate(
  base: Uint8Array,
  previous: { trailer: PDFDict; startXref: number; size: number },
  objects: Written[],
): Update {
  const parts: Uint8Array[] = [];
  const offsets = new Map<number, number>();
  const bodyOffsets = new Map<number, number>();
  let length = base.length;
  const push = (chunk: Uint8Array) => {
    parts.push(chunk);
    length += chunk.length;
  };
  // A newline first: a file need not end with one and "%%EOF1 0 obj" would not parse.
  push(encoder.encode('\n'));
  for (const { ref, body } of objects) {
    offsets.set(ref.objectNumber, length);
    push(encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    bodyOffsets.set(ref.objectNumber, length);
    push(serialise(body));
    push(encoder.encode('\nendobj\n'));
  }
  const xrefAt = length;
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  const generations = new Map(objects.map((o) => [o.ref.objectNumber, o.ref.generationNumber]));
  let xref = 'xref\n';
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const n = numbers[k]!;
      const offset = String(offsets.get(n)).padStart(10, '0');
      xref += `${offset} ${String(generations.get(n)).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  const size = Math.max(previous.size, numbers.at(-1)! + 1);
  const trailer = previous.trailer.clone();
  trailer.set(PDFName.of('Size'), PDFNumber.of(size));
  trailer.set(PDFName.of('Prev'), PDFNumber.of(previous.startXref));
  trailer.delete(PDFName.of('XRefStm'));
  push(encoder.encode(xref));
  push(encoder.encode('trailer\n'));
  push(serialise(trailer));
  push(encoder.encode(`\nstartxref\n${xrefAt}\n%%EOF\n`));

  const bytes = new Uint8Array(length);
  bytes.set(base, 0);
  let at = base.length;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, bodyOffsets };
}
