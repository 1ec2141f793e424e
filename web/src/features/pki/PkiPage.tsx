import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { CertificateList } from './CertificateList';
import { PkiStats } from './PkiStats';
import { RequestModal } from './RequestModal';

const tabs = ['certificates', 'inventory', 'stats'] as const;
type Tab = (typeof tabs)[number];

/** The department's certificate register: certificates, the token/SIM inventory, figures. */
export default function PkiPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (tabs as readonly string[]).includes(asked ?? '')
    ? (asked as Tab)
    : 'certificates';
  const [requesting, setRequesting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const mayRequest = can('pki.request') || can('pki.manage');
  const shown = tabs.filter((k) => k !== 'stats' || can('pki.stats'));

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('pki.title')}
        </Typography.Title>
        {mayRequest && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRequesting(true)}
            data-testid="cert-request-open"
          >
            {t('pki.request')}
          </Button>
        )}
      </Flex>
      <Card style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={shown.map((key) => ({ key, label: t(`pki.tab.${key}`) }))}
          destroyOnHidden
        />
        {tab === 'certificates' && <CertificateList reloadKey={reloadKey} />}
        {tab === 'inventory' && <CertificateList inventory reloadKey={reloadKey} />}
        {tab === 'stats' && <PkiStats />}
      </Card>
      {requesting && (
        <RequestModal
          open
          onClose={() => setRequesting(false)}
          onDone={() => {
            setRequesting(false);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
    </>
  );
}
