import { Alert, Button, Flex } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/feedback';
import { listCertificates, listInventory } from './api';
import { CertificateFilters, type Filters } from './CertificateFilters';
import { CertificateTable } from './CertificateTable';
import type { Certificate } from './types';

const PAGE = 50;

/** The certificate register (or the token/SIM inventory) with filters and keyset paging. */
export function CertificateList({
  inventory,
  reloadKey,
}: {
  inventory?: boolean;
  reloadKey?: number;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [items, setItems] = useState<Certificate[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = cursor ? generation.current : ++generation.current;
      setLoading(true);
      try {
        const fetcher = inventory ? listInventory : listCertificates;
        const page = await fetcher({ ...filters, cursor: cursor ?? undefined, limit: PAGE });
        if (mine !== generation.current) return;
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNext(page.nextCursor);
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(errorText(err, t));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [filters, inventory, t],
  );

  useEffect(() => {
    void load(null);
  }, [load, reloadKey]);

  return (
    <>
      <CertificateFilters value={filters} onChange={setFilters} inventory={inventory} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <CertificateTable items={items} loading={loading} showDevice={inventory} />
      {next !== null && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void load(next)} loading={loading}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
