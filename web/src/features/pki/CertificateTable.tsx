import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { CertStatusTag, deviceText, KeyKindTag, validityText } from './labels';
import type { Certificate } from './types';

/** Certificates, one line each; the holder's name opens the detail page. */
export function CertificateTable({
  items,
  loading,
  showDevice,
}: {
  items: Certificate[];
  loading: boolean;
  showDevice?: boolean;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Certificate> = [
    {
      key: 'holder',
      title: t('pki.col.holder'),
      render: (_, c) => (
        <>
          <Link to={`/pki/certificates/${c.id}`} data-testid="cert-link">
            {c.subject.name}
          </Link>
          <br />
          <Typography.Text type="secondary">
            {c.subject.title ?? t(`pki.holderKind.${c.holderKind}`)}
          </Typography.Text>
        </>
      ),
    },
    { key: 'org', title: t('pki.col.agency'), render: (_, c) => c.subject.org },
    {
      key: 'keyKind',
      title: t('pki.col.keyKind'),
      render: (_, c) => <KeyKindTag kind={c.keyKind} />,
      width: 120,
    },
    ...(showDevice
      ? [
          {
            key: 'device',
            title: t('pki.col.device'),
            render: (_: unknown, c: Certificate) => deviceText(c),
          },
        ]
      : []),
    {
      key: 'status',
      title: t('pki.col.status'),
      render: (_, c) => <CertStatusTag status={c.status} />,
      width: 150,
    },
    {
      key: 'validity',
      title: t('pki.col.validity'),
      render: (_, c) => (c.notBefore ? validityText(c) : formatDate(c.requestedAt)),
      width: 200,
    },
  ];
  return (
    <Table<Certificate>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 800 }}
      locale={{ emptyText: t('pki.empty') }}
      onRow={(c) => ({ 'data-holder': c.subject.name, 'data-status': c.status }) as object}
      data-testid="cert-table"
    />
  );
}
