import { Badge, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueDef, QueueKey } from './queues';

/** The lists on the left: the reader's work first, then the registers, each with its count. */
export function QueueMenu({
  queues,
  counts,
  active,
  onSelect,
}: {
  queues: readonly QueueDef[];
  counts: Partial<Record<QueueKey, number>>;
  active: QueueKey;
  onSelect: (key: QueueKey) => void;
}) {
  const { t } = useTranslation();
  const item = (q: QueueDef) => {
    const count = counts[q.key];
    const hot = count !== undefined && count > 0 && q.group === 'todo';
    return {
      key: q.key,
      label: (
        <span
          data-testid={`queue-${q.key}`}
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}
        >
          <span>{t(`documents.queue.${q.key}`)}</span>
          {count !== undefined && (
            <Badge
              count={count}
              showZero
              overflowCount={99999}
              color={hot ? (q.danger ? '#cf1322' : '#0b5cad') : '#f0f0f0'}
              style={hot ? undefined : { color: '#434343', boxShadow: 'none' }}
            />
          )}
        </span>
      ),
    };
  };
  const group = (g: QueueDef['group']) => ({
    type: 'group' as const,
    key: g,
    label: t(`documents.group.${g}`),
    children: queues.filter((q) => q.group === g).map(item),
  });
  return (
    <nav aria-label={t('documents.title')}>
      <Menu
        mode="inline"
        selectedKeys={[active]}
        onClick={({ key }) => onSelect(key as QueueKey)}
        items={[group('todo'), group('registers')]}
        style={{ borderInlineEnd: 'none' }}
        data-testid="doc-queues"
      />
    </nav>
  );
}
