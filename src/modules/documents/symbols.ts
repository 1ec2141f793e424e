/**
 * Number, symbol and date forms of Decree 30/2020 Art. 8 and annex I (pure: the web app may
 * import this file).
 */

/** Register numbers are written with two digits at least: 01 … 09, 10, 11, … */
export function formatNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * What follows the slash: `<type>-<agency>` (`QĐ-STTTT`), or for an official letter
 * (no type abbreviation) `<agency>-<drafting unit>` (`STTTT-VP`), or the agency alone.
 */
export function symbolTailOf(
  typeAbbreviation: string | null,
  agencyAbbreviation: string,
  draftingUnit: string | null,
): string {
  if (typeAbbreviation) return `${typeAbbreviation}-${agencyAbbreviation}`;
  return draftingUnit ? `${agencyAbbreviation}-${draftingUnit}` : agencyAbbreviation;
}

export function symbolOf(number: number, tail: string): string {
  return `${formatNumber(number)}/${tail}`;
}

/** Day and month as printed: days below 10 and the months January and February get a 0. */
export function datePartsOf(isoDate: string): { day: string; month: string; year: string } {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return {
    day: day < 10 ? `0${day}` : String(day),
    month: month <= 2 ? `0${month}` : String(month),
    year: String(year),
  };
}

/** "Trà Vinh, ngày 15 tháng 7 năm 2021". */
export function placeDateLine(place: string, isoDate: string): string {
  const { day, month, year } = datePartsOf(isoDate);
  return `${place}, ngày ${day} tháng ${month} năm ${year}`;
}

export const urgencies = ['normal', 'khan', 'thuong_khan', 'hoa_toc'] as const;
export type Urgency = (typeof urgencies)[number];

/** The urgency mark printed on the document; none for a normal one. */
export const urgencyMarks: Readonly<Record<Urgency, string | null>> = {
  normal: null,
  khan: 'KHẨN',
  thuong_khan: 'THƯỢNG KHẨN',
  hoa_toc: 'HỎA TỐC',
};

/** Levels of state secrets: anything but `normal` never enters the system. */
export const confidentialities = ['normal', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export type Confidentiality = (typeof confidentialities)[number];

/** Signing authority (thẩm quyền ký): KT. (on behalf of the head), TM. (of a collective), … */
export const authorities = ['KT.', 'TM.', 'TUQ.', 'TL.', 'Q.'] as const;
export type Authority = (typeof authorities)[number];
