import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import type { SuccessionLink } from './types';

/** Predecessors or successors of an agency (mergers, splits, renames). */
export function SuccessionList({ title, links }: { title: string; links: SuccessionLink[] }) {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {title}
      </Typography.Title>
      <ul className="op-list">
        {links.map((link) => (
          <li key={`${link.agency.id}-${link.effectiveDate}`}>
            <Link to={`/agencies?id=${link.agency.id}`}>{link.agency.name}</Link>
            <br />
            <Typography.Text type="secondary">
              {t(`agencies.succession.${link.kind}`)} · {t(`agencies.share.${link.share}`)} ·{' '}
              {formatDate(link.effectiveDate)}
              {link.decision ? ` · ${link.decision}` : ''}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </>
  );
}
