import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type PdfChoice = { key: string; label: string; url: string };

/**
 * The document itself, in the browser's PDF viewer (an <iframe> of our own URL: the page's
 * CSP allows same-origin frames and the PDF answer allows being framed by us only).
 */
export function PdfCard({ choices, fileName }: { choices: PdfChoice[]; fileName: string }) {
  const { t } = useTranslation();
  const [key, setKey] = useState(choices.at(-1)?.key);
  const current = choices.find((c) => c.key === key) ?? choices.at(-1);
  if (!current) return null;
  return (
    <Card
      title={t('documents.pdf.title')}
      data-testid="doc-pdf"
      extra={
        <Flex gap={8} wrap>
          <Button icon={<ExportOutlined />} href={current.url} target="_blank" rel="noopener">
            {t('documents.pdf.open')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={current.url}
            download={`${fileName}.pdf`}
            data-testid="doc-pdf-download"
          >
            {t('documents.pdf.download')}
          </Button>
        </Flex>
      }
    >
      {choices.length > 1 && (
        <Segmented
          value={current.key}
          onChange={(v) => setKey(String(v))}
          options={choices.map((c) => ({ value: c.key, label: c.label }))}
          style={{ marginBottom: 12 }}
          data-testid="doc-pdf-which"
        />
      )}
      <iframe
        key={current.url}
        src={current.url}
        title={t('documents.pdf.frame')}
        style={{ width: '100%', height: 760, border: '1px solid #f0f0f0', borderRadius: 6 }}
        data-testid="doc-pdf-frame"
      />
    </Card>
  );
}
