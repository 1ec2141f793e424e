import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Move up, move down and remove buttons of one row of a list editor. */
export function RowActions({
  index,
  count,
  what,
  onMove,
  onRemove,
  minCount = 0,
  testId,
}: {
  index: number;
  count: number;
  /** "giấy tờ 2": spoken by screen readers after the action. */
  what: string;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  minCount?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const up = t('catalog.row.up', { what });
  const down = t('catalog.row.down', { what });
  const remove = t('catalog.row.remove', { what });
  return (
    <Space size={2}>
      <Tooltip title={up}>
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          aria-label={up}
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
        />
      </Tooltip>
      <Tooltip title={down}>
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          aria-label={down}
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
        />
      </Tooltip>
      <Tooltip title={remove}>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={remove}
          disabled={count <= minCount}
          onClick={() => onRemove(index)}
          data-testid={testId ? `${testId}-remove-${index}` : undefined}
        />
      </Tooltip>
    </Space>
  );
}

/** The next free key `prefix` + n ("p3") among the rows' keys. */
export function nextKey(prefix: string, rows: { key?: string }[] | undefined): string {
  const taken = new Set((rows ?? []).map((r) => r.key));
  let n = (rows?.length ?? 0) + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** The API's key rule: lower-case letter first, then letters, digits and _ (40 at most). */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
