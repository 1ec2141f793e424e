import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from '../../app/types';
import { AgencyName } from '../agencies/AgencyName';

const colours: Record<string, string> = {
  dept_admin: 'red',
  agency_admin: 'volcano',
  one_stop_officer: 'blue',
  specialist: 'cyan',
  leader: 'gold',
  clerk: 'purple',
};

/** A role as a coloured tag; the agency it applies to on hover. */
export function RoleTag({
  assignment,
  showAgency = false,
}: {
  assignment: RoleAssignment;
  showAgency?: boolean;
}) {
  const { t } = useTranslation();
  const label = t(`roles.${assignment.role}`);
  if (showAgency) {
    return (
      <Tag color={colours[assignment.role]}>
        {label} · <AgencyName id={assignment.agencyId} />
      </Tag>
    );
  }
  return (
    <Tooltip title={<AgencyName id={assignment.agencyId} />}>
      <Tag color={colours[assignment.role]}>{label}</Tag>
    </Tooltip>
  );
}
