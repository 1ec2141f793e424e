import { Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { completeIncoming, noteIncoming, returnIncoming } from './api';
import { DirectModal } from './DirectModal';
import type { IncomingAction, IncomingDocument } from './types';

const doneKey = {
  direct: 'direct',
  note: 'note',
  complete: 'complete',
  return: 'returnIncoming',
} as const;
const labelKey = doneKey;

/** Direct, note progress, complete, return to the sender: what the reader may do now. */
export function IncomingActions({
  e,
  onDone,
}: {
  e: IncomingDocument;
  onDone: (next: IncomingDocument) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [open, setOpen] = useState<IncomingAction | null>(null);

  const finish = (action: IncomingAction) => (next: IncomingDocument) => {
    setOpen(null);
    feedback.success(t(`documents.done.${doneKey[action]}`));
    onDone(next);
  };

  if (e.actions.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="doc-actions">
        {t('documents.actionsNone')}
      </Typography.Text>
    );
  }

  const textLabel =
    open === 'complete'
      ? t('documents.modal.completeNote')
      : open === 'return'
        ? t('documents.modal.returnReason')
        : t('documents.modal.note');

  return (
    <>
      <Flex gap={8} wrap data-testid="doc-actions">
        {e.actions.map((a) => (
          <Button
            key={a}
            type={a === 'direct' || a === 'complete' ? 'primary' : 'default'}
            danger={a === 'return'}
            onClick={() => setOpen(a)}
            data-testid={`action-${a}`}
          >
            {t(`documents.action.${labelKey[a]}`)}
          </Button>
        ))}
      </Flex>
      {open === 'direct' && (
        <DirectModal e={e} onClose={() => setOpen(null)} onDone={finish('direct')} />
      )}
      {open && open !== 'direct' && (
        <FormModal<{ text: string }>
          open
          title={t(`documents.action.${labelKey[open]}`)}
          okText={t(`documents.action.${labelKey[open]}`)}
          okDanger={open === 'return'}
          onCancel={() => setOpen(null)}
          testId={`act-${open}`}
          onSubmit={async ({ text }) => {
            const value = text.trim();
            const call =
              open === 'note'
                ? noteIncoming
                : open === 'complete'
                  ? completeIncoming
                  : returnIncoming;
            finish(open)(await call(e.id, value));
          }}
        >
          <Form.Item name="text" label={textLabel} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={4000} data-testid="act-text" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
