import type { ProcedureVersion } from '../../catalog/index.js';
import type { FormData } from '../schema.js';
import { dossierErrors as E } from './errors.js';

const checks: Record<string, (v: string) => boolean> = {
  number: (v) => /^-?\d+([.,]\d+)?$/.test(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  id_number: (v) => /^([0-9]{9}|[0-9]{12})$/.test(v),
  phone: (v) => /^(\+84|0)[0-9]{9,10}$/.test(v),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
};

/**
 * Checks the applicant's e-form against the procedure's fields: unknown fields, missing
 * required ones and values of the wrong type are all named in one `dossier.form_invalid`.
 * With `complete` false (a draft), only unknown fields and wrong types are refused.
 */
export function checkForm(
  fields: ProcedureVersion['formFields'],
  data: FormData,
  complete: boolean,
): FormData {
  const bad: string[] = [];
  const known = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(data)) if (!known.has(key)) bad.push(key);
  const out: FormData = {};
  for (const f of fields) {
    const raw = data[f.key];
    const value = raw === undefined ? '' : String(raw).trim();
    if (value === '') {
      if (complete && f.required) bad.push(f.key);
      continue;
    }
    const ok =
      f.type === 'select' ? (f.options ?? []).includes(value) : (checks[f.type]?.(value) ?? true);
    if (!ok) bad.push(f.key);
    out[f.key] = value;
  }
  if (bad.length) throw E.formInvalid(bad);
  return out;
}

/**
 * Reception's check of the papers: those the officer ticked as received must be papers of
 * the procedure, and every mandatory paper must be received or uploaded.
 */
export function checkPapers(
  papers: readonly { key: string; mandatory: boolean }[],
  received: readonly string[],
  uploaded: readonly string[],
): void {
  for (const key of received) {
    if (!papers.some((p) => p.key === key)) throw E.unknownPaper(key);
  }
  const have = new Set([...received, ...uploaded]);
  const missing = papers.filter((p) => p.mandatory && !have.has(p.key)).map((p) => p.key);
  if (missing.length) throw E.missingPapers(missing);
}
