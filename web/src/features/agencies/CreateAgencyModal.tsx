import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { createAgency } from './api';
import { CodeFields } from './CodeFields';
import { NameFields } from './NameFields';
import { type Agency, type AgencyDetail, type AgencyKind, agencyKinds } from './types';

type Values = {
  kind: AgencyKind;
  name: string;
  shortName: string;
  abbreviation?: string;
  gsoCode?: string;
  electronicId?: string;
  communeType?: string;
  districtType?: string;
  validFrom?: Dayjs;
};

const childKinds = agencyKinds.filter((k) => k !== 'province');

/** "Add a subordinate agency" under `parent`. */
export function CreateAgencyModal({
  parent,
  onClose,
  onCreated,
}: {
  parent: AgencyDetail | null;
  onClose: () => void;
  onCreated: (created: Agency) => Promise<void>;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();

  const submit = async (v: Values) => {
    const created = await createAgency({
      parentId: parent!.id,
      kind: v.kind,
      name: v.name.trim(),
      shortName: v.shortName.trim(),
      abbreviation: v.abbreviation?.trim() || undefined,
      gsoCode: v.gsoCode?.trim() || undefined,
      electronicId: v.electronicId?.trim() || undefined,
      communeType: v.kind === 'commune_peoples_committee' ? v.communeType : undefined,
      districtType: v.kind === 'district_peoples_committee' ? v.districtType : undefined,
      validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : undefined,
    });
    feedback.success(t('agencies.created', { name: created.shortName }));
    await onCreated(created);
  };

  return (
    <FormModal<Values>
      open={parent !== null}
      title={t('agencies.addChildTitle', { parent: parent?.shortName ?? '' })}
      okText={t('common.create')}
      onCancel={onClose}
      onSubmit={submit}
      initialValues={{ kind: 'public_service_unit' }}
      width={620}
      testId="agency-create"
    >
      <Form.Item name="kind" label={t('agencies.field.kind')} rules={[{ required: true }]}>
        <Select options={childKinds.map((k) => ({ value: k, label: t(`agencies.kind.${k}`) }))} />
      </Form.Item>
      <NameFields />
      <Form.Item noStyle dependencies={['kind']}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'commune_peoples_committee' ? (
            <Form.Item name="communeType" label={t('agencies.field.communeType')}>
              <Select
                allowClear
                options={['xa', 'phuong', 'thi_tran', 'dac_khu'].map((c) => ({
                  value: c,
                  label: t(`agencies.communeType.${c}`),
                }))}
              />
            </Form.Item>
          ) : getFieldValue('kind') === 'district_peoples_committee' ? (
            <Form.Item name="districtType" label={t('agencies.field.districtType')}>
              <Select
                allowClear
                options={['huyen', 'thanh_pho', 'thi_xa', 'quan'].map((c) => ({
                  value: c,
                  label: t(`agencies.districtType.${c}`),
                }))}
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <CodeFields />
      <Form.Item
        name="validFrom"
        label={t('agencies.field.validFrom')}
        extra={t('agencies.validFromHint')}
      >
        <DatePicker format="L" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
