import { Skeleton } from 'antd';
import { useAgency } from '../../agencies/useAgency';

/** An agency's full name ("Sở Văn hóa, Thể thao và Du lịch", not "Sở VH,TT&DL"), cached. */
export function AgencyFullName({ id }: { id: string }) {
  const agency = useAgency(id);
  if (agency === undefined)
    return <Skeleton.Input size="small" active style={{ width: 120, height: 16 }} />;
  return <>{agency?.name ?? '—'}</>;
}
