import { PlusOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormModal } from '../../app/FormModal';
import { errorText, useFeedback } from '../../app/feedback';
import { createSector, getSettings } from './api';
import { DistrictOverrides } from './settings/DistrictOverrides';
import { SectorSettingsTable } from './settings/SectorSettingsTable';
import type { CatalogSettings } from './types';
import './catalog.css';

/**
 * Which agencies carry the catalogue's procedures: sector → department, the district rule
 * (which commune-level procedures the district committees carry) and its exceptions.
 */
export default function CatalogSettingsPage() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [settings, setSettings] = useState<CatalogSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [addingSector, setAddingSector] = useState(false);

  const load = useCallback(async () => {
    try {
      setSettings(await getSettings());
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/catalog">{t('catalog.title')}</Link> },
          { title: t('catalog.settings.title') },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('catalog.settings.title')}
        </Typography.Title>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAddingSector(true)}
          data-testid="sector-add"
        >
          {t('catalog.settings.addSector')}
        </Button>
      </Flex>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="op-cat-card-title">{t('catalog.settings.ruleTitle')}</h2>}
        data-testid="settings-rule"
      >
        <ul className="op-cat-rule">
          {(['province', 'commune', 'districtLevel', 'district', 'exception', 'tree'] as const).map(
            (k) => (
              <li key={k}>
                <Trans i18nKey={`catalog.settings.rule.${k}`} components={{ b: <strong /> }} />
              </li>
            ),
          )}
        </ul>
      </Card>

      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {!settings && !error && <Skeleton active style={{ marginTop: 16 }} />}
      {settings && (
        <>
          <Card
            style={{ marginTop: 16 }}
            title={<h2 className="op-cat-card-title">{t('catalog.settings.sectorsTitle')}</h2>}
          >
            <SectorSettingsTable
              sectors={settings.sectors}
              onChanged={(saved) =>
                setSettings(
                  (prev) =>
                    prev && {
                      ...prev,
                      sectors: prev.sectors.map((s) => (s.id === saved.id ? saved : s)),
                    },
                )
              }
            />
          </Card>
          <Card
            style={{ marginTop: 16 }}
            title={<h2 className="op-cat-card-title">{t('catalog.settings.overridesTitle')}</h2>}
          >
            <Typography.Paragraph type="secondary">
              {t('catalog.override.help')}
            </Typography.Paragraph>
            <DistrictOverrides overrides={settings.districtOverrides} onChanged={load} />
          </Card>
        </>
      )}

      <FormModal<{ name: string }>
        open={addingSector}
        title={t('catalog.settings.addSector')}
        onCancel={() => setAddingSector(false)}
        testId="sector-add-modal"
        onSubmit={async (v) => {
          const sector = await createSector(v.name.trim());
          feedback.success(t('catalog.settings.sectorAdded', { name: sector.name }));
          setAddingSector(false);
          await load();
        }}
      >
        <Form.Item
          name="name"
          label={t('catalog.settings.sectorName')}
          rules={[{ required: true, whitespace: true, max: 300 }]}
        >
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
