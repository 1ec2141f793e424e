import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Grid, Table, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../app/feedback';
import { formatDate, formatDateTime } from '../../app/format';
import { listMyDossiers } from './api';
import { LinkButton } from './LinkButton';
import { StateTag } from './tags';
import type { DossierListItem } from './types';

/** My dossiers, newest first, a page at a time (keyset: "load more" follows the cursor). */
export default function MyDossiersPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [items, setItems] = useState<DossierListItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const mine = after ? generation.current : ++generation.current;
      setLoading(true);
      try {
        const page = await listMyDossiers(after ?? undefined);
        if (mine !== generation.current) return;
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(errorText(err, t));
      } finally {
        if (mine === generation.current) {
          setLoading(false);
          setLoaded(true);
        }
      }
    },
    [t],
  );

  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  const title = (d: DossierListItem) => (
    <div>
      <Link to={`/portal/dossiers/${d.id}`} className="portal-row-title">
        {d.procedureName}
      </Link>
      <div>
        <Typography.Text type="secondary" className="op-mono">
          {d.code ?? t('portal.mine.draft')}
        </Typography.Text>
      </div>
      {!screens.md && <Typography.Text type="secondary">{d.agencyName}</Typography.Text>}
    </div>
  );

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={1} className="portal-page-title" style={{ margin: 0 }}>
          {t('portal.mine.title')}
        </Typography.Title>
        <LinkButton to="/portal" type="primary" icon={<PlusOutlined />}>
          {t('portal.mine.new')}
        </LinkButton>
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {loaded && items.length === 0 && !error ? (
        <Empty description={t('portal.mine.empty')} style={{ margin: '48px 0' }}>
          <LinkButton to="/portal" type="primary">
            {t('portal.mine.findProcedure')}
          </LinkButton>
        </Empty>
      ) : (
        <Table<DossierListItem>
          rowKey="id"
          size="middle"
          loading={loading && items.length === 0}
          dataSource={items}
          pagination={false}
          data-testid="my-dossiers"
          columns={[
            { key: 'procedure', title: t('portal.mine.procedure'), render: (_, d) => title(d) },
            ...(screens.md
              ? [{ key: 'agency', title: t('portal.dossier.agency'), dataIndex: 'agencyName' }]
              : []),
            {
              key: 'state',
              title: t('portal.mine.state'),
              width: screens.md ? 170 : 120,
              render: (_, d) => <StateTag state={d.state} />,
            },
            ...(screens.sm
              ? [
                  {
                    key: 'submitted',
                    title: t('portal.dossier.submittedAt'),
                    width: 170,
                    render: (_: unknown, d: DossierListItem) => formatDateTime(d.submittedAt),
                  },
                ]
              : []),
            ...(screens.lg
              ? [
                  {
                    key: 'due',
                    title: t('portal.mine.due'),
                    width: 130,
                    render: (_: unknown, d: DossierListItem) => formatDate(d.dueAt),
                  },
                ]
              : []),
          ]}
        />
      )}
      {cursor && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button loading={loading} onClick={() => void fetchPage(cursor)}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
