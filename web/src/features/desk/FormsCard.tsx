import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formUrl } from './api';
import type { FormKind, OfficerDossier } from './types';

/** The forms the dossier's history has material for (the server refuses the others). */
export function availableForms(d: OfficerDossier): FormKind[] {
  const did = (...actions: string[]) => d.history.some((h) => actions.includes(h.action));
  const out: FormKind[] = [];
  if (did('receive') && d.receivedAt && d.appointmentAt) out.push('01');
  if (did('request_supplement')) out.push('02');
  if (did('refuse_reception', 'refuse')) out.push('03');
  if (did('extend') && d.receivedAt) out.push('04');
  if (d.receivedAt && d.appointmentAt) out.push('06');
  return out;
}

/** A link that opens a form's PDF in a new tab, where the browser prints it. */
export function PrintFormButton({
  dossierId,
  form,
  primary,
  block,
}: {
  dossierId: string;
  form: FormKind;
  primary?: boolean;
  block?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<PrinterOutlined />}
      href={formUrl(dossierId, form)}
      target="_blank"
      rel="noopener"
      type={primary ? 'primary' : 'default'}
      block={block}
      data-testid={`print-${form}`}
      style={{ whiteSpace: 'normal', height: 'auto', minHeight: 32, textAlign: 'start' }}
    >
      {t(`desk.forms.${form}`)}
    </Button>
  );
}

export function FormsCard({ d }: { d: OfficerDossier }) {
  const { t } = useTranslation();
  const forms = availableForms(d);
  return (
    <Card title={t('desk.section.forms')} size="small" data-testid="dossier-forms">
      {forms.length === 0 ? (
        <Typography.Text type="secondary">{t('desk.forms.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {forms.map((f) => (
            <PrintFormButton key={f} dossierId={d.id} form={f} block />
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('desk.forms.hint')}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
