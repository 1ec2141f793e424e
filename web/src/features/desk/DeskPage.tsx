import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, Input, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { getCounts, listDossiers } from './api';
import { DossierTable } from './DossierTable';
import { deskErrorText } from './labels';
import { type DossierListItem, type Queue, type QueueCounts, queues } from './types';

const PAGE = 20;

/**
 * The officer's desk: one tab per queue with its count, a search over code, applicant and
 * procedure, and keyset paging ("load more") through the server's cursor.
 */
export default function DeskPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const fallback: Queue = can('dossier.receive') ? 'to_receive' : 'in_process';
  const asked = params.get('queue');
  const queue: Queue = (queues as readonly string[]).includes(asked ?? '')
    ? (asked as Queue)
    : fallback;
  const q = params.get('q') ?? '';
  const [qInput, setQInput] = useState(q);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [items, setItems] = useState<DossierListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const setParam = (key: string, value: string | undefined) => {
    const nextParams = new URLSearchParams(params);
    if (value) nextParams.set(key, value);
    else nextParams.delete(key);
    setParams(nextParams, { replace: true });
  };

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = cursor ? generation.current : ++generation.current;
      setLoading(true);
      try {
        const [page, c] = await Promise.all([
          listDossiers({ queue, q: q || undefined, cursor: cursor ?? undefined, limit: PAGE }),
          cursor ? Promise.resolve(null) : getCounts(),
        ]);
        if (mine !== generation.current) return;
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNext(page.nextCursor);
        if (c) setCounts(c);
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(deskErrorText(err, t));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [queue, q, t],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const tabLabel = (key: Queue) => {
    const count = key === 'all' ? undefined : counts?.[key];
    const danger = key === 'overdue' || key === 'due_soon';
    return (
      <span data-testid={`desk-tab-${key}`}>
        {t(`desk.queue.${key}`)}
        {count !== undefined && (
          <Badge
            count={count}
            showZero
            overflowCount={9999}
            color={
              count === 0
                ? undefined
                : !danger
                  ? '#0b5cad'
                  : key === 'overdue'
                    ? '#cf1322'
                    : '#ad4e00'
            }
            style={
              count === 0
                ? {
                    marginInlineStart: 6,
                    background: '#f0f0f0',
                    color: '#434343',
                    boxShadow: 'none',
                  }
                : { marginInlineStart: 6 }
            }
          />
        )}
      </span>
    );
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('desk.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<ReloadOutlined />} onClick={() => void load(null)}>
            {t('common.refresh')}
          </Button>
          {can('dossier.receive') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/desk/new')}
              data-testid="desk-new"
            >
              {t('desk.newDossier')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card style={{ marginTop: 16 }}>
        <Tabs
          activeKey={queue}
          onChange={(key) => setParam('queue', key)}
          items={queues.map((key) => ({ key, label: tabLabel(key) }))}
          data-testid="desk-tabs"
        />
        <Input.Search
          value={qInput}
          onChange={(e) => setQInput(e.target.value)}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
          placeholder={t('desk.searchPlaceholder')}
          aria-label={t('desk.search')}
          allowClear
          enterButton
          style={{ maxWidth: 520, marginBottom: 16 }}
          data-testid="desk-search"
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <DossierTable items={items} loading={loading} />
        {next !== null && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button onClick={() => void load(next)} loading={loading} data-testid="desk-load-more">
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
