import { Card, Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { getProcedure } from './api';
import type { FormField, OfficerDossier } from './types';

/**
 * The applicant and the e-form. The dossier carries the e-form's values only; their labels
 * come from the procedure as in force today (a field since removed shows its key).
 */
export function ApplicantCard({ d }: { d: OfficerDossier }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<FormField[]>([]);
  useEffect(() => {
    let live = true;
    getProcedure(d.procedure.id).then(
      (p) => live && setFields(p.formFields),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [d.procedure.id]);

  const a = d.applicant;
  const label = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  const formEntries = Object.entries(d.formData);
  return (
    <Card title={t('desk.section.applicant')} size="small" data-testid="dossier-applicant">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'name',
            label: t('desk.applicant.fullName'),
            children: <strong>{a.fullName}</strong>,
          },
          { key: 'id', label: t('desk.applicant.idNumber'), children: a.idNumber },
          ...(a.birthDate
            ? [
                {
                  key: 'birth',
                  label: t('desk.applicant.birthDate'),
                  children: formatDate(a.birthDate),
                },
              ]
            : []),
          { key: 'phone', label: t('desk.applicant.phone'), children: a.phone },
          { key: 'email', label: t('desk.applicant.email'), children: a.email ?? '—' },
          ...(a.organization
            ? [{ key: 'org', label: t('desk.applicant.organization'), children: a.organization }]
            : []),
          {
            key: 'address',
            label: t('desk.applicant.address'),
            children: a.address,
            span: 'filled',
          },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 12 }}>
        {t('desk.eform')}
      </Typography.Title>
      {formEntries.length === 0 ? (
        <Typography.Text type="secondary">{t('desk.eformEmpty')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={formEntries.map(([key, value]) => ({
            key,
            label: label(key),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>,
          }))}
        />
      )}
    </Card>
  );
}
