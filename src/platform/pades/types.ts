/** Coordinates are PDF points from the page's lower-left corner; pages are 0-based indexes. */
export type Box = { page: number; x: number; y: number; width: number; height: number };

/** A blank on a text line: where the stamp text starts, its baseline and the room it has. */
export type Slot = { x: number; y: number; width: number };

/** The blank after "Số:" on page 1. `suffix` is the symbol already printed after the blank
 *  ("/QĐ-STTTT"): a stamped "15/QĐ-STTTT" then only writes "15". */
export type Anchor = Slot & { page: number; size: number; suffix: string | null };

/** The blanks of the place-date line "…, ngày … tháng … năm …" on page 1. */
export type DateAnchors = {
  page: number;
  size: number;
  day: Slot;
  month: Slot;
  /** Only when the year is blank too. */
  year: Slot | null;
};

/** Where the stamps and signature appearances go; JSON-serialisable (stored with the draft). */
export type SigningLayout = {
  version: 1;
  /** Object number of the stamp font embedded by preparePdf. */
  fontObject: number;
  pages: number;
  number: Anchor | null;
  date: DateAnchors | null;
  /** The leader's signature image area: between the position title and the name, last page. */
  signature: Box;
  /** The agency seal, ~36 mm, over the left third of the signature area. */
  seal: Box;
  /** The verification QR code, page 1, top-right margin. */
  qr: Box;
  /** The agency signature's text ("Ký bởi", time), page 1, top margin left of the QR. */
  agencyInfo: Box;
  /** Which anchors were found in the text; the others use fallback positions. */
  found: { number: boolean; date: boolean; signerName: boolean };
};

export type CmsSigner = {
  /** ECDSA P-256 or RSASSA-PKCS1-v1_5 (SHA-256) signing key. */
  privateKey: CryptoKey;
  /** DER of the signer's certificate. */
  certificate: Uint8Array;
  /** DER, issuing CA first, up to the root. */
  chain: Uint8Array[];
};

export type SignatureAppearance =
  /** Blue block "Ký bởi: <fullName>" / "Thời gian: <ISO 8601 +07:00>", then `lines`. */
  | { kind: 'person'; fullName: string; lines: string[] }
  /** Red seal drawn over the signature area, its text (agency, time, `lines`) in the top margin. */
  | { kind: 'agency'; agencyName: string; lines: string[] };

export type Stamps = {
  /** The document number or the full symbol ("15/QĐ-STTTT"). */
  number?: string;
  /** Day and month (and year when blank) written into the place-date line; a string such as
   *  "ngày 15 tháng 7 năm 2021" is split into those parts. */
  date?: { day: string; month: string; year: string } | string;
  /** Drawn as a QR code (vector squares) in the layout's QR box. */
  qrText?: string;
};

export type SignOptions = {
  layout: SigningLayout;
  signer: CmsSigner;
  signingTime: Date;
  reason: string;
  location: string;
  /** The signer's name as written in the signature dictionary (/Name). */
  name: string;
  appearance: SignatureAppearance;
  stamps?: Stamps;
};

export type SignatureFacts = {
  /** 0-based, in the order the signatures were applied. */
  index: number;
  fieldName: string | null;
  byteRange: [number, number, number, number];
  coversWholeFile: boolean;
  /** The signed bytes hash to the CMS messageDigest. */
  digestMatches: boolean;
  /** The CMS signature over its signed attributes verifies with the signer certificate's key. */
  cmsSignatureValid: boolean;
  subFilter: string | null;
  /** The signer's claim (/M); no timestamp authority here. */
  claimedTime: Date | null;
  reason: string | null;
  location: string | null;
  name: string | null;
  /** DER. */
  signerCertificate: Uint8Array | null;
  /** DER, every certificate the CMS carries (signer first when found). */
  certificates: Uint8Array[];
  /** Hex SHA-256 of the CMS value (DER, without the zero padding). */
  signatureDigest: string;
  error?: string;
};
