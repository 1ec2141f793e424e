import { Button, Drawer, Form, Grid, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markFieldErrors, useFeedback } from '../../app/feedback';
import type { User } from '../../app/types';
import { AgencyTreeSelect } from '../agencies/AgencyTreeSelect';
import { createUser } from './api';
import { PasswordField } from './PasswordField';
import { ProfileFields } from './ProfileFields';

type Values = {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  position?: string;
  agencyId: string;
  password: string;
};

/** "Create an account": an official of an agency, with a temporary password. */
export function CreateUserDrawer({
  open,
  defaultAgencyId,
  onClose,
  onCreated,
}: {
  open: boolean;
  defaultAgencyId?: string;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ agencyId: defaultAgencyId });
    }
  }, [open, defaultAgencyId, form]);

  const finish = async (v: Values) => {
    setBusy(true);
    try {
      const user = await createUser({
        username: v.username.trim().toLowerCase(),
        fullName: v.fullName.trim(),
        email: v.email?.trim() || undefined,
        phone: v.phone?.trim() || undefined,
        position: v.position?.trim() || undefined,
        agencyId: v.agencyId,
        password: v.password,
      });
      feedback.success(t('users.created', { username: user.username }));
      onCreated(user);
    } catch (err) {
      feedback.error(err);
      markFieldErrors(form, err, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('users.createTitle')}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      data-testid="user-create-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={busy}
            onClick={() => form.submit()}
            data-testid="user-create-submit"
          >
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={finish}>
        <Form.Item
          name="username"
          label={t('users.field.username')}
          extra={t('users.usernameHint')}
          rules={[
            { required: true },
            { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}$/, message: t('users.usernameFormat') },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" data-testid="field-username" />
        </Form.Item>
        <ProfileFields />
        <Form.Item name="agencyId" label={t('users.agency')} rules={[{ required: true }]}>
          <AgencyTreeSelect data-testid="field-agency" />
        </Form.Item>
        <PasswordField name="password" label={t('users.initialPassword')} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
