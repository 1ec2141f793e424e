import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/feedback';
import { useSession } from '../../app/session';
import { type AuditEvent, listEvents, type VerifyResult } from './api';
import { type AuditFilterValues, AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyChainButton, VerifyChainResult } from './VerifyChain';

function toQuery(f: AuditFilterValues) {
  const [from, to] = f.range ?? [null, null];
  return {
    agencyId: f.agencyId,
    subtree: f.agencyId ? f.subtree !== false : undefined,
    actorUserId: f.actorUserId,
    targetType: f.targetType,
    action: f.action,
    from: from ? from.startOf('day').toISOString() : undefined,
    // the server's bound is exclusive: up to the end of the chosen day
    to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

/** The audit log, newest first, with filters, "load more" and the chain check. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [filter, setFilter] = useState<AuditFilterValues>({ subtree: true });
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verify, setVerify] = useState<VerifyResult | string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (beforeSeq: number | null) => {
      const mine = beforeSeq ? generation.current : ++generation.current;
      setLoading(true);
      try {
        const page = await listEvents({
          ...toQuery(filter),
          beforeSeq: beforeSeq ?? undefined,
          limit: 50,
        });
        if (mine !== generation.current) return;
        setEvents((prev) => (beforeSeq ? [...prev, ...page.items] : page.items));
        setNext(page.nextBeforeSeq);
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(errorText(err, t));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [filter, t],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Flex gap={8}>
          <Button onClick={() => void load(null)}>{t('common.refresh')}</Button>
          {can('audit.verify') && <VerifyChainButton onResult={setVerify} />}
        </Flex>
      </Flex>
      {verify !== null && <VerifyChainResult result={verify} onClose={() => setVerify(null)} />}
      <Card>
        <AuditFilters onChange={setFilter} />
        {error && <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} />}
        <div style={{ marginTop: 16 }}>
          <AuditTable events={events} loading={loading} />
        </div>
        {next !== null && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button onClick={() => void load(next)} loading={loading} data-testid="audit-load-more">
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
