import { Card, Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/** The plain page around the login and enrolment forms. */
export function AuthLayout({
  title,
  extra,
  children,
  width = 420,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Layout
      style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f0fa 0%, #f5f7fa 60%)' }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '12px 16px' }}>
        <Typography.Text strong style={{ color: '#0b5cad' }}>
          OpenProvince
        </Typography.Text>
        <Flex gap={12} align="center">
          {extra}
          <LanguageSwitch />
        </Flex>
      </Flex>
      <main
        style={{
          flex: 1,
          display: 'flex',
          justifyContent: 'center',
          alignItems: 'flex-start',
          padding: '24px 16px',
        }}
      >
        <Card style={{ width: '100%', maxWidth: width }}>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0, marginBottom: 4 }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('app.title')}</Typography.Paragraph>
          {children}
        </Card>
      </main>
    </Layout>
  );
}
