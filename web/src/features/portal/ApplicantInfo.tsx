import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import type { ApplicantDossier, FormField } from './types';

/** The applicant and the e-form as filed, with the e-form's labels when the procedure is known. */
export function ApplicantInfo({
  dossier: d,
  fields,
}: {
  dossier: ApplicantDossier;
  fields: FormField[] | null;
}) {
  const { t } = useTranslation();
  const a = d.applicant;
  const labelOf = (key: string) => fields?.find((f) => f.key === key)?.label ?? key;
  const typeOf = (key: string) => fields?.find((f) => f.key === key)?.type;
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      data-testid="applicant-info"
      items={[
        { key: 'fullName', label: t('portal.applicant.fullName'), children: a.fullName },
        { key: 'idNumber', label: t('portal.applicant.idNumber'), children: a.idNumber },
        ...(a.birthDate
          ? [
              {
                key: 'birth',
                label: t('portal.applicant.birthDate'),
                children: formatDate(a.birthDate),
              },
            ]
          : []),
        { key: 'phone', label: t('portal.applicant.phone'), children: a.phone },
        ...(a.email
          ? [{ key: 'email', label: t('portal.applicant.email'), children: a.email }]
          : []),
        ...(a.organization
          ? [{ key: 'org', label: t('portal.applicant.organization'), children: a.organization }]
          : []),
        {
          key: 'address',
          label: t('portal.applicant.address'),
          children: a.address,
          span: 'filled' as const,
        },
        ...Object.entries(d.formData).map(([key, value]) => ({
          key: `form-${key}`,
          label: labelOf(key),
          span: 'filled' as const,
          children: (
            <span className="portal-pre">
              {typeOf(key) === 'date' ? formatDate(String(value)) : String(value)}
            </span>
          ),
        })),
      ]}
    />
  );
}
