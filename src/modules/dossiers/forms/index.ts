import { APOLOGY_TITLE, renderApologyForm } from './apology.js';
import { CONTROL_TITLE, renderControlForm } from './control-sheet.js';
import { RECEIPT_TITLE, renderReceiptForm } from './receipt.js';
import { REFUSAL_TITLE, renderRefusalForm } from './refusal.js';
import { renderSupplementForm, SUPPLEMENT_TITLE } from './supplement-request.js';
import type { FormDataByKind, FormKind } from './types.js';

export * from './types.js';
export {
  renderApologyForm,
  renderControlForm,
  renderReceiptForm,
  renderRefusalForm,
  renderSupplementForm,
};

/** The printed title of each form. */
export const formTitles: Readonly<Record<FormKind, string>> = {
  '01': RECEIPT_TITLE,
  '02': SUPPLEMENT_TITLE,
  '03': REFUSAL_TITLE,
  '04': APOLOGY_TITLE,
  '06': CONTROL_TITLE,
};

const renderers: { [K in FormKind]: (data: FormDataByKind[K]) => Promise<Uint8Array> } = {
  '01': renderReceiptForm,
  '02': renderSupplementForm,
  '03': renderRefusalForm,
  '04': renderApologyForm,
  '06': renderControlForm,
};

/** Renders one of the one-stop forms (Circular 01/2018/TT-VPCP) to PDF bytes. */
export function renderForm<K extends FormKind>(
  kind: K,
  data: FormDataByKind[K],
): Promise<Uint8Array> {
  return renderers[kind](data);
}
