import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { AgencyTreeSelect } from '../agencies/AgencyTreeSelect';
import { requestCertificate } from './api';
import { DeviceFields } from './DeviceFields';
import { type HolderKind, holderKinds, type KeyKind, keyKinds } from './types';
import { UserSelect } from './UserSelect';

type Values = {
  holderKind: HolderKind;
  userId?: string;
  agencyId?: string;
  keyKind: KeyKind;
  csrPem?: string;
  deviceSerial?: string;
  phone?: string;
  note?: string;
};

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** A request for a person's or an agency's certificate, with the kind of key storage. */
export function RequestModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();

  const submit = async (v: Values) => {
    const device = {
      keyKind: v.keyKind,
      csrPem: v.keyKind === 'remote' ? undefined : blank(v.csrPem),
      deviceSerial: v.keyKind === 'usb_token' ? blank(v.deviceSerial) : undefined,
      phone: v.keyKind === 'sim_pki' ? blank(v.phone) : undefined,
      note: blank(v.note),
    };
    await requestCertificate(
      v.holderKind === 'person'
        ? { holderKind: 'person', userId: v.userId ?? '', ...device }
        : { holderKind: 'agency', agencyId: v.agencyId ?? '', ...device },
    );
    feedback.success(t('pki.requested'));
    onDone();
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('pki.request')}
      okText={t('pki.request')}
      width={640}
      initialValues={{ holderKind: 'person', keyKind: 'remote' }}
      onCancel={onClose}
      onSubmit={submit}
      testId="cert-request"
    >
      <Form.Item name="holderKind" label={t('pki.form.holderKind')}>
        <Radio.Group
          optionType="button"
          options={holderKinds.map((k) => ({ value: k, label: t(`pki.holderKind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['holderKind']}>
        {({ getFieldValue }) =>
          getFieldValue('holderKind') === 'person' ? (
            <Form.Item name="userId" label={t('pki.form.user')} rules={[{ required: true }]}>
              <UserSelect />
            </Form.Item>
          ) : (
            <Form.Item name="agencyId" label={t('pki.form.agency')} rules={[{ required: true }]}>
              <AgencyTreeSelect />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="keyKind" label={t('pki.form.keyKind')}>
        <Radio.Group options={keyKinds.map((k) => ({ value: k, label: t(`pki.keyKind.${k}`) }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['keyKind']}>
        {({ getFieldValue }) => <DeviceFields keyKind={getFieldValue('keyKind') as KeyKind} />}
      </Form.Item>
      <Form.Item name="note" label={t('pki.form.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
