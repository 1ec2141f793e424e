import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../app/feedback';
import { useMe } from '../../app/session';
import { listMine } from './api';
import { CertStatusTag, deviceText, KeyKindTag, validityText } from './labels';
import { PinModal } from './PinModal';
import type { Certificate } from './types';

/** Every official's own certificates; the PIN of a remote-signing key is set here. */
export default function MyCertificatesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [items, setItems] = useState<Certificate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Certificate | null>(null);

  const reload = useCallback(async () => {
    try {
      setItems((await listMine()).items);
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    }
  }, [t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('pki.mine.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('pki.mine.intro')}</Typography.Paragraph>
      {!me.totpEnabled && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pki.mine.needTotp')}
          action={<Button onClick={() => navigate('/account')}>{t('pki.mine.goAccount')}</Button>}
          data-testid="my-cert-need-totp"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {items === null && !error && <Skeleton active />}
      {items?.length === 0 && <Empty description={t('pki.mine.empty')} />}
      <Flex vertical gap={16}>
        {items?.map((c) => (
          <Card
            key={c.id}
            data-testid="my-cert"
            data-status={c.status}
            title={
              <Flex gap={8} align="center" wrap>
                <KeyOutlined /> {c.subject.name} <KeyKindTag kind={c.keyKind} />
                <CertStatusTag status={c.status} />
              </Flex>
            }
            extra={
              c.keyKind === 'remote' &&
              c.status === 'active' && (
                <Button
                  type={c.hasPin ? 'default' : 'primary'}
                  disabled={!me.totpEnabled}
                  onClick={() => setEditing(c)}
                  data-testid="my-cert-pin"
                >
                  {c.hasPin ? t('pki.mine.changePin') : t('pki.mine.setPin')}
                </Button>
              )
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('pki.detail.title')}>
                {c.subject.title ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('pki.detail.org')}>{c.subject.org}</Descriptions.Item>
              <Descriptions.Item label={t('pki.detail.serial')}>
                {c.serial ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('pki.detail.validity')}>
                {validityText(c)}
              </Descriptions.Item>
              {c.keyKind === 'remote' ? (
                <Descriptions.Item label={t('pki.detail.pin')}>
                  {c.isPinLocked
                    ? t('pki.detail.pinLocked')
                    : c.hasPin
                      ? t('pki.detail.pinSet')
                      : t('pki.detail.pinNotSet')}
                </Descriptions.Item>
              ) : (
                <Descriptions.Item label={t('pki.col.device')}>{deviceText(c)}</Descriptions.Item>
              )}
            </Descriptions>
            {c.keyKind !== 'remote' && (
              <Typography.Text type="secondary">{t('pki.mine.deviceNote')}</Typography.Text>
            )}
          </Card>
        ))}
      </Flex>
      {editing && (
        <PinModal
          c={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </>
  );
}
