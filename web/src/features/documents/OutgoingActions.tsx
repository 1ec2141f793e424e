import { Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFeedback } from '../../app/feedback';
import { uploadVersion } from './api';
import { IssueModal } from './IssueModal';
import { type FormAction, OutgoingActionModal } from './OutgoingActionModal';
import { SignModal } from './SignModal';
import type { OutgoingAction, OutgoingDocument } from './types';

const primary = new Set<OutgoingAction>(['submit', 'approve', 'sign', 'issue']);

/**
 * The buttons of what the reader may do now (the server's `actions`), and their dialogs. A new
 * version is uploaded, or, for a draft composed here (`composed`, the drafter's only),
 * composed again in the form.
 */
export function OutgoingActions({
  d,
  onDone,
}: {
  d: OutgoingDocument;
  onDone: (next: OutgoingDocument, action: OutgoingAction) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [open, setOpen] = useState<OutgoingAction | null>(null);
  const [uploading, setUploading] = useState(false);
  const navigate = useNavigate();

  const finish = (action: OutgoingAction) => (next: OutgoingDocument) => {
    setOpen(null);
    feedback.success(t(`documents.done.${action}`, { symbol: next.symbol ?? '' }));
    onDone(next, action);
  };

  if (d.actions.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="doc-actions">
        {t('documents.actionsNone')}
      </Typography.Text>
    );
  }

  return (
    <>
      <Flex gap={8} wrap data-testid="doc-actions">
        {d.composed && d.actions.includes('revise') && (
          <Button
            onClick={() => navigate(`/documents/outgoing/${d.id}/compose`)}
            data-testid="action-recompose"
          >
            {t('documents.action.recompose')}
          </Button>
        )}
        {d.actions.map((a) =>
          a === 'revise' ? (
            <Upload
              key={a}
              accept=".pdf,.docx"
              showUploadList={false}
              beforeUpload={(file) => {
                setUploading(true);
                uploadVersion(d.id, file)
                  .then((next) => {
                    feedback.success(t('documents.versions.uploaded'));
                    onDone(next, 'revise');
                  }, feedback.error)
                  .finally(() => setUploading(false));
                return false;
              }}
            >
              <Button loading={uploading} data-testid="action-revise">
                {t('documents.action.revise')}
              </Button>
            </Upload>
          ) : (
            <Button
              key={a}
              type={primary.has(a) ? 'primary' : 'default'}
              danger={a === 'recall' || a === 'return' || a === 'cancel'}
              onClick={() => setOpen(a)}
              data-testid={`action-${a}`}
            >
              {t(`documents.action.${a}`)}
            </Button>
          ),
        )}
      </Flex>
      {open === 'sign' && <SignModal d={d} onClose={() => setOpen(null)} onDone={finish('sign')} />}
      {open === 'issue' && (
        <IssueModal d={d} onClose={() => setOpen(null)} onDone={finish('issue')} />
      )}
      {open && open !== 'sign' && open !== 'issue' && open !== 'revise' && (
        <OutgoingActionModal
          d={d}
          action={open as FormAction}
          onClose={() => setOpen(null)}
          onDone={finish(open)}
        />
      )}
    </>
  );
}
