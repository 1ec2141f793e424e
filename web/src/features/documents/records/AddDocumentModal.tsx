import { Form, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/FormModal';
import { searchDocuments } from '../search/api';
import { addDocument, type RecordFileView } from './api';

/** Adds a document to a file, found by typing (the same search as the search page). */
export function AddDocumentModal({
  file,
  onClose,
  onDone,
}: {
  file: RecordFileView;
  onClose: () => void;
  onDone: (f: RecordFileView) => void;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      // Found while typing: the last word, perhaps not finished yet, as a prefix.
      const typed = q.trim();
      const words = typed && /[\p{L}\p{N}]$/u.test(typed) ? `${typed}*` : typed;
      searchDocuments({ q: words || undefined, agencyId: file.agencyId, limit: 20 }).then(
        (r) =>
          setOptions(
            r.items.map((h) => ({ value: h.id, label: `${h.symbol ?? '—'} — ${h.summary}` })),
          ),
        () => setOptions([]),
      );
    }, 250);
  };
  return (
    <FormModal<{ documentId: string }>
      open
      width={720}
      title={t('documents.records.addDocument')}
      onCancel={onClose}
      testId="file-add"
      onSubmit={async (v) => onDone(await addDocument(file.id, v.documentId))}
    >
      <Form.Item
        name="documentId"
        label={t('documents.records.document')}
        rules={[{ required: true }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: search }}
          onFocus={() => options.length === 0 && search('')}
          options={options}
          placeholder={t('documents.search.placeholder')}
          notFoundContent={t('documents.search.empty')}
          data-testid="file-add-document"
        />
      </Form.Item>
    </FormModal>
  );
}
