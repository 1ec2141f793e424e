import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/FormModal';
import { useFeedback } from '../../../app/feedback';
import { deleteSaved, listSaved, type SavedSearch, saveSearch } from './api';
import type { Criteria } from './SearchFilters';

/** The reader's saved searches: save the present one, run or delete a saved one. */
export function SavedSearches({
  current,
  onRun,
}: {
  current: Criteria;
  onRun: (criteria: Criteria) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [items, setItems] = useState<SavedSearch[]>([]);
  const [saving, setSaving] = useState(false);

  const reload = useCallback(async () => {
    try {
      setItems((await listSaved()).items);
    } catch (err) {
      feedback.error(err);
    }
  }, [feedback]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <Card
      size="small"
      title={t('documents.search.saved')}
      extra={
        <Button
          size="small"
          icon={<SaveOutlined />}
          onClick={() => setSaving(true)}
          data-testid="search-save"
        >
          {t('documents.search.save')}
        </Button>
      }
      data-testid="saved-searches"
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('documents.search.savedEmpty') }}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Button
                key="delete"
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => void deleteSaved(s.id).then(reload, feedback.error)}
              />,
            ]}
          >
            <Typography.Link
              onClick={() => onRun(s.criteria as Criteria)}
              data-testid="saved-search"
            >
              {s.name}
            </Typography.Link>
          </List.Item>
        )}
      />
      {saving && (
        <FormModal<{ name: string }>
          open
          title={t('documents.search.save')}
          onCancel={() => setSaving(false)}
          testId="search-save-modal"
          onSubmit={async ({ name }) => {
            const criteria = Object.fromEntries(
              Object.entries(current).filter(([, v]) => v !== undefined && v !== ''),
            );
            await saveSearch(name.trim(), criteria);
            setSaving(false);
            await reload();
          }}
        >
          <Form.Item
            name="name"
            label={t('documents.search.savedName')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
