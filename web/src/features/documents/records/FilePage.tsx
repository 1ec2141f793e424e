import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText, useFeedback } from '../../../app/feedback';
import { formatDate } from '../../../app/format';
import { AddDocumentModal } from './AddDocumentModal';
import {
  closeFile,
  exportUrl,
  type FiledDocument,
  getFile,
  type RecordFileView,
  removeDocument,
  transferFile,
} from './api';

/** One file: its code, retention and keeper, its documents, and close / transfer / export. */
export default function FilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const [f, setF] = useState<RecordFileView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const reload = useCallback(async () => {
    try {
      setF(await getFile(id));
    } catch (err) {
      setError(errorText(err, t));
    }
  }, [id, t]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!f) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />;
  const may = (a: RecordFileView['actions'][number]) => f.actions.includes(a);
  const confirm = (action: 'close' | 'transfer') =>
    modal.confirm({
      title: t(`documents.records.${action}`),
      content: t(`documents.records.${action}Confirm`),
      okText: t(`documents.records.${action}`),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          setF(action === 'close' ? await closeFile(f.id) : await transferFile(f.id));
        } catch (err) {
          feedback.error(err);
        }
      },
    });

  return (
    <>
      <Link to="/documents/records">
        <ArrowLeftOutlined /> {t('documents.records.title')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="file-code">
          {f.code}
        </Typography.Title>
        <Flex gap={8} wrap>
          {may('add') && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="file-add-open">
              {t('documents.records.addDocument')}
            </Button>
          )}
          {may('close') && (
            <Button onClick={() => confirm('close')}>{t('documents.records.close')}</Button>
          )}
          {may('transfer') && (
            <Button onClick={() => confirm('transfer')}>{t('documents.records.transfer')}</Button>
          )}
          {may('export') && (
            <Button icon={<DownloadOutlined />} href={exportUrl(f.id)} data-testid="file-export">
              {t('documents.records.export')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Paragraph style={{ marginTop: 4 }}>{f.title}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('documents.records.heading')}>
              {f.headingCode}. {f.headingTitle}
            </Descriptions.Item>
            <Descriptions.Item label={t('documents.records.retention')}>
              {f.retentionLabel}
            </Descriptions.Item>
            <Descriptions.Item label={t('documents.records.keeper')}>
              {f.keeper.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('documents.col.state')}>
              {f.transferredOn ? (
                <Tag color="purple">{t('documents.records.transferred')}</Tag>
              ) : (
                <Tag color={f.state === 'open' ? 'blue' : 'default'}>
                  {t(`documents.records.state.${f.state}`)}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('documents.records.openedOn')}>
              {formatDate(f.openedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('documents.records.closedOn')}>
              {formatDate(f.closedOn)}
            </Descriptions.Item>
            {f.transferredOn && (
              <Descriptions.Item label={t('documents.records.transferredOn')}>
                <span data-testid="file-transferred-on">{formatDate(f.transferredOn)}</span>
              </Descriptions.Item>
            )}
            {f.note && <Descriptions.Item label={t('pki.form.note')}>{f.note}</Descriptions.Item>}
          </Descriptions>
        </Card>
        <Card title={t('documents.records.documents', { count: f.documents.length })}>
          <Table<FiledDocument>
            rowKey="documentId"
            size="small"
            pagination={false}
            dataSource={f.documents}
            scroll={{ x: 800 }}
            data-testid="file-documents"
            columns={[
              { key: 'ordinal', title: '#', width: 50, dataIndex: 'ordinal' },
              {
                key: 'symbol',
                title: t('documents.col.symbol'),
                width: 160,
                render: (_, d) => d.symbol ?? '—',
              },
              {
                key: 'date',
                title: t('documents.col.date'),
                width: 110,
                render: (_, d) => formatDate(d.issuedOn),
              },
              {
                key: 'summary',
                title: t('documents.col.summary'),
                render: (_, d) => `${d.typeName}: ${d.summary}`,
              },
              {
                key: 'issuer',
                title: t('documents.col.issuer'),
                width: 200,
                dataIndex: 'issuerName',
              },
              {
                key: 'remove',
                width: 60,
                render: (_, d) =>
                  may('remove') && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() =>
                        void removeDocument(f.id, d.documentId).then(setF, feedback.error)
                      }
                    />
                  ),
              },
            ]}
          />
        </Card>
      </Flex>
      {adding && (
        <AddDocumentModal
          file={f}
          onClose={() => setAdding(false)}
          onDone={(next) => {
            setAdding(false);
            setF(next);
          }}
        />
      )}
    </>
  );
}
