import { Skeleton } from 'antd';
import { useAgency } from './useAgency';

/** An agency's short name, fetched once and cached; its full name as a tooltip. */
export function AgencyName({ id }: { id: string | null | undefined }) {
  const agency = useAgency(id);
  if (agency === undefined)
    return <Skeleton.Input size="small" active style={{ width: 80, height: 16 }} />;
  if (agency === null) return <>—</>;
  return <span title={agency.name}>{agency.shortName}</span>;
}
