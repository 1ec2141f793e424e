import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { uploadFile } from './api';
import { withDeskText } from './labels';
import type { FileView } from './types';

const accepts = {
  paper: '.pdf,.jpg,.jpeg,.png,.docx',
  result: '.pdf,.docx',
};

/** Picks one file and sends it at once as a scanned paper or as the result. */
export function UploadButton({
  dossierId,
  purpose,
  paperKey,
  label,
  onUploaded,
  testId,
  size,
  primary,
}: {
  dossierId: string;
  purpose: 'paper' | 'result';
  paperKey?: string;
  label: string;
  onUploaded: (file: FileView) => void;
  testId?: string;
  size?: 'small' | 'middle';
  primary?: boolean;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);
  return (
    <span data-testid={testId}>
      <Upload
        accept={accepts[purpose]}
        showUploadList={false}
        multiple={false}
        beforeUpload={(file) => {
          setBusy(true);
          uploadFile(dossierId, purpose, file, paperKey)
            .then((row) => {
              feedback.success(t('desk.files.uploaded', { name: row.fileName }));
              onUploaded(row);
            })
            .catch((err: unknown) => feedback.error(withDeskText(err, t)))
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <Button
          icon={<UploadOutlined />}
          loading={busy}
          size={size}
          type={primary ? 'primary' : 'default'}
        >
          {label}
        </Button>
      </Upload>
    </span>
  );
}
