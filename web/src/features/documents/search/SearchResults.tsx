import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../app/format';
import type { SearchHit } from './api';

const linkOf = (h: SearchHit) =>
  h.incomingId ? `/documents/incoming/${h.incomingId}` : `/documents/outgoing/${h.id}`;

/** Hits, best first: symbol, summary with the passage found, issuer, signer, date. */
export function SearchResults({ items, loading }: { items: SearchHit[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<SearchHit>
      rowKey="id"
      size="middle"
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('documents.search.empty') }}
      data-testid="search-results"
      columns={[
        {
          key: 'symbol',
          title: t('documents.col.symbol'),
          width: 170,
          render: (_, h) => <span className="op-mono">{h.symbol ?? '—'}</span>,
        },
        {
          key: 'summary',
          title: t('documents.col.summary'),
          render: (_, h) => (
            <>
              <Typography.Text type="secondary">
                {h.typeName} · {h.issuerName}
              </Typography.Text>
              {h.incomingId && (
                <Tag style={{ marginInlineStart: 6 }}>
                  {t('documents.search.directions.incoming')}
                </Tag>
              )}
              <br />
              <Link to={linkOf(h)} data-testid="search-hit">
                {h.summary}
              </Link>
              {h.snippet && (
                <div>
                  <Typography.Text type="secondary" italic style={{ fontSize: 12 }}>
                    … {h.snippet} …
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        {
          key: 'signer',
          title: t('documents.col.signer'),
          width: 170,
          render: (_, h) => h.signerName ?? '—',
        },
        {
          key: 'date',
          title: t('documents.col.date'),
          width: 110,
          render: (_, h) => formatDate(h.issuedOn ?? h.receivedOn),
        },
      ]}
    />
  );
}
