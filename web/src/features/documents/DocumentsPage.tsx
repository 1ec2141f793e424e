import {
  BarChartOutlined,
  EditOutlined,
  FolderOpenOutlined,
  ImportOutlined,
  ReloadOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Pagination, Row, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../app/feedback';
import { useSession } from '../../app/session';
import { listIncoming, listOutgoing } from './api';
import { IncomingTable, OutgoingTable } from './DocumentTables';
import { NoticesCard } from './NoticesCard';
import { QueueMenu } from './QueueMenu';
import type { QueueKey } from './queues';
import { RegisterIncomingModal } from './RegisterIncomingModal';
import type { IncomingListItem, OutgoingListItem } from './types';
import { useQueues } from './useQueues';

const PAGE = 20;
type Rows =
  | { source: 'outgoing'; items: OutgoingListItem[] }
  | { source: 'incoming'; items: IncomingListItem[] };

/**
 * The documents home: the reader's work lists (to sign, to review, to issue, to direct,
 * assigned, overdue, drafts) and the registers, with counts (one call for all of them); one
 * list shown at a time.
 */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const {
    visible,
    counts,
    isLoading: countsLoading,
    error: countsError,
    reloadCounts,
  } = useQueues();
  const asked = params.get('queue') as QueueKey | null;
  // Without a choice: the first work list holding something, else the outgoing register.
  const firstBusy = visible.find((q) => q.group === 'todo' && (counts[q.key] ?? 0) > 0);
  const fallback =
    firstBusy?.key ?? (visible.some((q) => q.key === 'outgoing') ? 'outgoing' : visible[0]?.key);
  const queue = visible.find((q) => q.key === asked) ?? visible.find((q) => q.key === fallback);
  const page = Number(params.get('page') ?? '1') || 1;
  const [rows, setRows] = useState<Rows | null>(null);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const [refreshes, setRefreshes] = useState(0);
  const generation = useRef(0);

  const load = useCallback(async () => {
    if (!queue) return;
    const mine = ++generation.current;
    setLoading(true);
    try {
      const query = { ...queue.query, limit: PAGE, offset: (page - 1) * PAGE };
      let next: Rows;
      let count: number;
      if (queue.source === 'outgoing') {
        const result = await listOutgoing(query);
        next = { source: 'outgoing', items: result.items };
        count = result.total;
      } else {
        const result = await listIncoming(query);
        next = { source: 'incoming', items: result.items };
        count = result.total;
      }
      if (mine !== generation.current) return;
      setRows(next);
      setTotal(count);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(errorText(err, t));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
    // the queue's identity is its key (the object is rebuilt on each render)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue?.key, page, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const select = (key: QueueKey) => setParams({ queue: key }, { replace: true });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('documents.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              void reloadCounts();
              void load();
              setRefreshes((n) => n + 1);
            }}
          >
            {t('common.refresh')}
          </Button>
          <Button
            icon={<SearchOutlined />}
            onClick={() => navigate('/documents/search')}
            data-testid="doc-search"
          >
            {t('documents.search.menu')}
          </Button>
          <Button
            icon={<FolderOpenOutlined />}
            onClick={() => navigate('/documents/records')}
            data-testid="doc-records"
          >
            {t('documents.records.menu')}
          </Button>
          {can('document.stats') && (
            <Button
              icon={<BarChartOutlined />}
              onClick={() => navigate('/documents/stats')}
              data-testid="doc-stats"
            >
              {t('documents.stats.menu')}
            </Button>
          )}
          {can('document.register') && (
            <Button
              icon={<ImportOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="doc-register-incoming"
            >
              {t('documents.registerIncoming')}
            </Button>
          )}
          {can('document.draft') && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => navigate('/documents/new')}
              data-testid="doc-compose"
            >
              {t('documents.compose')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={6} xxl={5}>
          <Card size="small" styles={{ body: { padding: 4 } }} loading={countsLoading}>
            {countsError !== null && (
              <Alert
                type="warning"
                showIcon
                title={errorText(countsError, t)}
                style={{ margin: 4 }}
                data-testid="doc-counts-error"
              />
            )}
            {queue && (
              <QueueMenu queues={visible} counts={counts} active={queue.key} onSelect={select} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={18} xxl={19}>
          <NoticesCard reloadKey={refreshes} />
          <Card
            title={queue ? t(`documents.queue.${queue.key}`) : ''}
            data-testid="doc-list"
            data-queue={queue?.key}
          >
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            {rows?.source === 'incoming' ? (
              <IncomingTable items={rows.items} loading={loading} />
            ) : (
              <OutgoingTable
                items={rows?.source === 'outgoing' ? rows.items : []}
                loading={loading || countsLoading}
              />
            )}
            {total > PAGE && (
              <Flex justify="end" style={{ marginTop: 12 }}>
                <Pagination
                  current={page}
                  pageSize={PAGE}
                  total={total}
                  showSizeChanger={false}
                  onChange={(p) =>
                    setParams({ queue: queue?.key ?? '', page: String(p) }, { replace: true })
                  }
                />
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
      {registering && (
        <RegisterIncomingModal
          onClose={() => setRegistering(false)}
          onDone={(id) => navigate(`/documents/incoming/${id}`)}
        />
      )}
    </>
  );
}
