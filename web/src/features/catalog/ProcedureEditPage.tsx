import { EditOutlined, ExportOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { errorText } from '../../app/feedback';
import { getCarriers, getHistory } from './api';
import { ProcedureEditor } from './editor/ProcedureEditor';
import { versionStatus, VersionStatusTag } from './labels';
import type { Carriers, ProcedureHistory } from './types';
import { VersionHistory } from './view/VersionHistory';
import { VersionView } from './view/VersionView';
import './catalog.css';

/** The portal's page of a procedure (codes have dots: written %2E, as the portal does). */
const portalPath = (code: string) =>
  `/portal/procedures/${encodeURIComponent(code).replace(/\./g, '%2E')}`;

/**
 * One procedure for the department admin: its versions by effective date, the one in force
 * (or the one chosen) read-only, and a new version from a date.
 */
export default function ProcedureEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [history, setHistory] = useState<ProcedureHistory | null>(null);
  const [carriers, setCarriers] = useState<Carriers | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  // Back to the list as it was left (its filters travel in the link's state).
  const from = (useLocation().state as { from?: string } | null)?.from;
  const listPath = from ? `/catalog?${from}` : '/catalog';
  // A stable target: the editor resets its form whenever the target changes.
  const editorTarget = useMemo(() => {
    const base = history?.versions.at(-1);
    return editing && history && base ? { kind: 'version' as const, history, base } : null;
  }, [editing, history]);

  const load = useCallback(
    async (select?: string) => {
      try {
        const h = await getHistory(id);
        setHistory(h);
        setError(null);
        setSelectedId(select ?? h.inForceVersionId ?? h.versions.at(-1)?.id ?? null);
        // Who carries it today: the public view of the version in force, when there is one.
        setCarriers(h.inForceVersionId ? await getCarriers(id).catch(() => null) : null);
      } catch (err) {
        setError(errorText(err, t));
      }
    },
    [id, t],
  );

  useEffect(() => {
    setHistory(null);
    void load();
  }, [load]);

  if (error && !history) {
    return <Alert type="error" showIcon title={error} data-testid="procedure-error" />;
  }
  if (!history) return <Skeleton active />;

  const latest = history.versions.at(-1);
  const current = history.versions.find((v) => v.id === history.inForceVersionId) ?? latest ?? null;
  const selected = history.versions.find((v) => v.id === selectedId) ?? current;

  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to={listPath}>{t('catalog.title')}</Link> },
          { title: history.code },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div style={{ flex: '1 1 480px', minWidth: 0 }}>
          <Typography.Title
            level={2}
            style={{ margin: 0, fontSize: 24 }}
            data-testid="procedure-title"
          >
            {current?.name ?? history.code}
          </Typography.Title>
          <Space size={8} wrap style={{ marginTop: 8 }}>
            <Tag className="op-mono">{history.code}</Tag>
            <Tag color={history.origin === 'local' ? 'purple' : 'default'}>
              {t(`catalog.origin.${history.origin}`)}
            </Tag>
            {current && <Typography.Text type="secondary">{current.sectorName}</Typography.Text>}
            {history.districtOverride && (
              <Tag color="orange">
                {t('catalog.override.tag', {
                  mode: t(`catalog.districtMode.${history.districtOverride}`),
                })}
              </Tag>
            )}
          </Space>
        </div>
        <Space wrap>
          {history.sourceUrl && (
            <Button
              href={history.sourceUrl}
              target="_blank"
              rel="noreferrer"
              icon={<ExportOutlined />}
            >
              {t('catalog.sourceLink')}
            </Button>
          )}
          {history.inForceVersionId && (
            <Button icon={<ExportOutlined />} onClick={() => navigate(portalPath(history.code))}>
              {t('catalog.portalLink')}
            </Button>
          )}
          <Button icon={<SettingOutlined />} onClick={() => navigate('/catalog/settings')}>
            {t('catalog.settingsLink')}
          </Button>
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            disabled={!latest}
            data-testid="version-new"
          >
            {t('catalog.newVersion')}
          </Button>
        </Space>
      </Flex>

      {!history.inForceVersionId && (
        <Alert type="info" showIcon title={t('catalog.notYetInForce')} style={{ marginTop: 16 }} />
      )}

      <Card
        title={<h2 className="op-cat-card-title">{t('catalog.history')}</h2>}
        style={{ marginTop: 16 }}
        size="small"
      >
        <VersionHistory
          history={history}
          selectedId={selected?.id ?? null}
          onSelect={setSelectedId}
        />
      </Card>

      {selected && (
        <Card
          style={{ marginTop: 16 }}
          title={
            <Space wrap>
              <h2 className="op-cat-card-title">
                {t('catalog.versionContent', { n: selected.versionNo })}
              </h2>
              <VersionStatusTag status={versionStatus(history, selected)} />
            </Space>
          }
          data-testid="version-card"
        >
          <VersionView
            version={selected}
            carriers={selected.id === history.inForceVersionId ? carriers : undefined}
          />
        </Card>
      )}

      <ProcedureEditor
        target={editorTarget}
        onClose={() => setEditing(false)}
        onSaved={({ version }) => {
          setEditing(false);
          void load(version.id);
        }}
      />
    </>
  );
}
