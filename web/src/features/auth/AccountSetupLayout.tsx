import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { AuthLayout } from './AuthLayout';

/**
 * The frame of a step the server requires before anything else (TOTP enrolment of an
 * administrator, change of a temporary password): a title, why, the form, and a way out.
 */
export function AccountSetupLayout(props: {
  title: string;
  notice: string;
  width: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { logout } = useSession();
  return (
    <AuthLayout
      title={props.title}
      width={props.width}
      extra={
        <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()}>
          {t('app.logout')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={props.notice}
        data-testid="account-setup-notice"
      />
      {props.children}
    </AuthLayout>
  );
}
