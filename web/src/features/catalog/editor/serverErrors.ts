import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../app/api';
import type { EditorValues } from './values';

type Name = (string | number)[];

/** A workflow problem to show above the steps: the server's reason, in words. */
export type Problems = { workflow?: string; general: string[] };

const sameName = (a: Name, b: Name) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Puts a server problem on the fields it concerns: validation paths (`/papers/0/name`) go to
 * the nearest field of the form; catalogue codes to the field their reason names. What fits
 * no field is returned to be shown above the form.
 */
export function applyServerErrors(
  form: FormInstance<EditorValues>,
  err: unknown,
  t: TFunction,
): Problems {
  const problems: Problems = { general: [] };
  if (!(err instanceof ApiError)) return problems;
  const values = form.getFieldsValue(true) as EditorValues;
  const registered = form.getFieldsError().map((f) => f.name as Name);
  const marks: { name: Name; errors: string[] }[] = [];
  const mark = (name: Name, message: string) => {
    const found = [...registered]
      .filter((r) => r.length <= name.length && r.every((x, i) => String(x) === String(name[i])))
      .sort((a, b) => b.length - a.length)[0];
    if (!found) {
      problems.general.push(message);
      return;
    }
    const existing = marks.find((m) => sameName(m.name, found));
    if (existing) {
      if (!existing.errors.includes(message)) existing.errors.push(message);
    } else marks.push({ name: found, errors: [message] });
  };
  const ext = err.extensions;
  const reason = typeof ext.reason === 'string' ? ext.reason : '';
  const key = typeof ext.key === 'string' ? ext.key : '';
  const reasonText = t(`catalog.reason.${reason}`, {
    defaultValue: err.detail,
    key,
    total: ext.total,
  });

  switch (err.code) {
    case 'http.validation_failed':
      for (const e of err.fieldErrors) {
        const path = e.path
          .replace(/^\//, '')
          .split('/')
          .filter(Boolean)
          .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
        const last = path[path.length - 1];
        const message = last === 'key' ? t('catalog.error.key') : t('common.invalidValue');
        mark(formNameOf(path), message);
      }
      break;
    case 'catalog.effective_date_past':
    case 'catalog.version_in_force':
      mark(['validFrom'], err.detail);
      break;
    case 'catalog.code_taken':
      mark(['code'], err.detail);
      break;
    case 'catalog.unknown_sector':
      mark(['sectorId'], err.detail);
      break;
    case 'catalog.unknown_agency': {
      const id = ext.agencyId;
      const step = values.workflow.findIndex(
        (s) => s.agency.kind === 'agency' && s.agency.agencyId === id,
      );
      if (!values.workflowDefault && step >= 0)
        mark(['workflow', step, 'agency', 'agencyId'], err.detail);
      else mark(['targetAgencyIds'], err.detail);
      break;
    }
    case 'catalog.invalid_workflow':
      problems.workflow = reasonText;
      if (reason === 'duplicate_key') {
        values.workflow.forEach(
          (s, i) => s.key === key && mark(['workflow', i, 'key'], reasonText),
        );
      }
      break;
    case 'catalog.invalid_content':
      mark(contentField(reason, key, values), reasonText);
      break;
    default:
      problems.general.push(err.detail);
  }
  if (marks.length) form.setFields(marks as Parameters<typeof form.setFields>[0]);
  return problems;
}

/** The form field of an API body path. */
function formNameOf(path: Name): Name {
  const [head, ...rest] = path;
  if (head === 'implementers') return ['implementersMode'];
  if (head === 'workflow') return ['workflow', ...rest];
  return path;
}

function contentField(reason: string, key: string, v: EditorValues): Name {
  const paper = v.papers.map((p) => p.key).lastIndexOf(key);
  const field = v.formFields.map((f) => f.key).lastIndexOf(key);
  switch (reason) {
    case 'duplicate_level':
      return ['levels'];
    case 'duplicate_submission_mode':
    case 'online_class_needs_online_submission':
      return ['submissionModes'];
    case 'time_and_unit_together':
      return ['timeUnit'];
    case 'legacy_level_mismatch':
      return ['legacyLevel'];
    case 'fee_range':
      return ['feeMaxVnd'];
    case 'duplicate_paper_key':
      return paper >= 0 ? ['papers', paper, 'key'] : ['papers'];
    case 'duplicate_field_key':
      return field >= 0 ? ['formFields', field, 'key'] : ['formFields'];
    case 'select_without_options':
    case 'options_without_select':
      return field >= 0 ? ['formFields', field, 'options'] : ['formFields'];
    case 'duplicate_implementer':
      return ['targetAgencyIds'];
    default:
      return ['__none__'];
  }
}
