import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { type Rng, WeightedSampler } from './random.js';

/** The repository's `seed/` folder: the name lists are copied there (see seed/PROVENANCE.md). */
const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../seed');

/** A synthetic applicant's identity number starts with this: no province has code 000. */
export const SYNTHETIC_ID_PREFIX = '000';

export type GeneratedApplicant = {
  fullName: string;
  idNumber: string;
  birthDate: string;
  phone: string;
  email?: string;
  address: string;
};

/** Where an applicant lives: the commune and district parts of an address. */
export type Place = { commune: string; district: string; hamlet: 'Ấp' | 'Khóm' };

type NameLists = {
  surnames: WeightedSampler<string>;
  middle: { male: WeightedSampler<string>; female: WeightedSampler<string> };
  single: { male: string[]; female: string[] };
  compound: { male: string[]; female: string[] };
};

async function readCsv(file: string): Promise<Record<string, string>[]> {
  // The given-name list writes some Đ as the look-alike Icelandic Ð (U+00D0): put Đ back.
  const text = (await readFile(path.join(seedDir, file), 'utf8'))
    .replace(/\u00d0/g, 'Đ')
    .replace(/\u00f0/g, 'đ');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

let lists: Promise<NameLists> | undefined;

/**
 * The name lists, read once. Surnames are weighted by the national estimate where the file
 * gives one (the top 16) and by the sample share scaled into the remaining percentage for the
 * rest; middle names by their sample counts (Thị only for women, Văn only for men); given
 * names uniformly from the gendered lists (they carry no counts).
 */
export function loadNameLists(): Promise<NameLists> {
  lists ??= (async () => {
    const surnames = await readCsv('vn_surnames_frequency.csv');
    const estimated = surnames.filter((r) => r.national_estimate_pct);
    const estimatedPct = estimated.reduce((s, r) => s + Number(r.national_estimate_pct), 0);
    const rest = surnames.filter((r) => !r.national_estimate_pct);
    const restShare = rest.reduce((s, r) => s + Number(r.share_sample_pct), 0);
    const surnameWeights = surnames.map((r) =>
      r.national_estimate_pct
        ? Number(r.national_estimate_pct)
        : (Number(r.share_sample_pct) / restShare) * Math.max(0, 100 - estimatedPct),
    );
    const middle = await readCsv('vn_middle_names_frequency.csv');
    const middleFor = (gender: 'male' | 'female') => {
      const rows = middle.filter((r) => !r.gender_hint || r.gender_hint === gender);
      return new WeightedSampler(
        rows.map((r) => r.middle_name_syllable!),
        rows.map((r) => Number(r.count_sample)),
      );
    };
    const given = await readCsv('vn_given_names_by_gender.csv');
    const givenOf = (gender: string, form: string) =>
      given.filter((r) => r.gender === gender && r.form === form).map((r) => r.name!);
    return {
      surnames: new WeightedSampler(
        surnames.map((r) => r.surname!),
        surnameWeights,
      ),
      middle: { male: middleFor('male'), female: middleFor('female') },
      single: {
        male: givenOf('male', 'single_syllable'),
        female: givenOf('female', 'single_syllable'),
      },
      compound: { male: givenOf('male', 'compound'), female: givenOf('female', 'compound') },
    };
  })();
  return lists;
}

const digits = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};

/** A plain-ASCII mailbox name from a Vietnamese name: "Trần Thị Hồng Nhung" → "nhungtth". */
function mailbox(fullName: string): string {
  const words = fullName
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/\s+/);
  const last = words.at(-1) ?? 'congdan';
  return (
    last +
    words
      .slice(0, -1)
      .map((w) => w[0])
      .join('')
  );
}

/** A synthetic citizen living at `place`, aged 18–80 on `onDay` (YYYY-MM-DD). */
export function applicantOf(
  names: NameLists,
  rng: Rng,
  place: Place,
  onDay: string,
): GeneratedApplicant {
  const gender = rng.chance(0.5) ? 'male' : 'female';
  const surname = names.surnames.draw(rng);
  let given: string;
  if (rng.chance(0.5)) {
    const compound = rng.pick(names.compound[gender]);
    given = gender === 'female' && rng.chance(0.3) ? `Thị ${compound}` : compound;
  } else {
    given = `${names.middle[gender].draw(rng)} ${rng.pick(names.single[gender])}`;
  }
  const fullName = `${surname} ${given}`;
  const year = Number(onDay.slice(0, 4)) - rng.int(18, 80);
  const birthDate = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  // CCCD: province (000 = synthetic), century and sex digit, year of birth, six digits.
  const centurySex = (year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  const idNumber = `${SYNTHETIC_ID_PREFIX}${centurySex}${String(year % 100).padStart(2, '0')}${digits(rng, 6)}`;
  const phone = `0${rng.pick(['3', '5', '7', '8', '9'])}${digits(rng, 8)}`;
  const address = `${place.hamlet} ${rng.int(1, 12)}, ${place.commune}, ${place.district}`;
  return {
    fullName,
    idNumber,
    birthDate,
    phone,
    ...(rng.chance(0.15) ? { email: `${mailbox(fullName)}${rng.int(1, 999)}@example.com` } : {}),
    address,
  };
}

/**
 * The folded search text of an applicant, exactly as the dossier service writes it
 * (service/core.ts `foldApplicant`; the generator test checks that they agree).
 */
export function foldApplicantText(a: {
  fullName: string;
  idNumber: string;
  phone: string;
}): string {
  return `${a.fullName} ${a.idNumber} ${a.phone}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
