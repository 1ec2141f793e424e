import { EditOutlined, PlusOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../app/feedback';
import { formatDate } from '../../app/format';
import { useSession } from '../../app/session';
import { getAgency } from './api';
import { CreateAgencyModal } from './CreateAgencyModal';
import { EndAgencyModal } from './EndAgencyModal';
import { RenameAgencyModal } from './RenameAgencyModal';
import { SuccessionList } from './SuccessionList';
import type { AgencyDetail } from './types';

type Props = {
  agencyId: string | null;
  /** After a change: reload the children of `parentId`, optionally select another agency. */
  onChanged: (parentId: string | null, selectId?: string) => Promise<void>;
};

type Dialog = 'create' | 'rename' | 'end' | null;

export function AgencyDetailPanel({ agencyId, onChanged }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [agency, setAgency] = useState<AgencyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const refresh = useCallback(
    async (fresh = false) => {
      if (!agencyId) return setAgency(null);
      try {
        setAgency(await getAgency(agencyId, fresh));
        setError(null);
      } catch (err) {
        setError(errorText(err, t));
      }
    },
    [agencyId, t],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!agencyId) {
    return (
      <Card>
        <Empty description={t('agencies.selectHint')} />
      </Card>
    );
  }
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!agency || agency.id !== agencyId) return <Card loading />;

  const manage = can('agency.manage');
  const ended = agency.validTo !== null;

  return (
    <Card
      data-testid="agency-detail"
      title={
        <Space wrap>
          <span>{agency.name}</span>
          {ended ? (
            <Tag color="default">{t('agencies.ended')}</Tag>
          ) : (
            <Tag color="green">{t('agencies.current')}</Tag>
          )}
        </Space>
      }
    >
      {agency.ancestors.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={agency.ancestors.map((a) => ({
            key: a.id,
            title: <Link to={`/agencies?id=${a.id}`}>{a.shortName}</Link>,
          }))}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        {can('identity.user.read') && (
          <Button
            icon={<TeamOutlined />}
            onClick={() => navigate(`/users?agencyId=${agency.id}`)}
            data-testid="agency-users"
          >
            {t('agencies.users')}
          </Button>
        )}
        {manage && !ended && (
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('create')}
              data-testid="agency-add-child"
            >
              {t('agencies.addChild')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setDialog('rename')}>
              {t('agencies.rename')}
            </Button>
            <Button danger icon={<StopOutlined />} onClick={() => setDialog('end')}>
              {t('agencies.end')}
            </Button>
          </>
        )}
      </Space>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'name', label: t('agencies.field.name'), children: agency.name, span: 'filled' },
          { key: 'shortName', label: t('agencies.field.shortName'), children: agency.shortName },
          {
            key: 'kind',
            label: t('agencies.field.kind'),
            children: t(`agencies.kind.${agency.kind}`),
          },
          {
            key: 'abbreviation',
            label: t('agencies.field.abbreviation'),
            children: agency.abbreviation ?? '—',
          },
          { key: 'gsoCode', label: t('agencies.field.gsoCode'), children: agency.gsoCode ?? '—' },
          {
            key: 'electronicId',
            label: t('agencies.field.electronicId'),
            children: agency.electronicId ?? '—',
          },
          {
            key: 'validity',
            label: t('agencies.field.validity'),
            children: ended
              ? t('agencies.validRange', {
                  from: formatDate(agency.validFrom),
                  to: formatDate(agency.validTo),
                })
              : t('agencies.validFromOnly', { from: formatDate(agency.validFrom) }),
          },
        ]}
      />
      <SuccessionList title={t('agencies.predecessors')} links={agency.predecessors} />
      <SuccessionList title={t('agencies.successors')} links={agency.successors} />

      <CreateAgencyModal
        parent={dialog === 'create' ? agency : null}
        onClose={() => setDialog(null)}
        onCreated={async (created) => {
          setDialog(null);
          await onChanged(agency.id, created.id);
        }}
      />
      <RenameAgencyModal
        agency={dialog === 'rename' ? agency : null}
        onClose={() => setDialog(null)}
        onSaved={async () => {
          setDialog(null);
          await refresh(true);
          await onChanged(agency.parentId);
        }}
      />
      <EndAgencyModal
        agency={dialog === 'end' ? agency : null}
        onClose={() => setDialog(null)}
        onEnded={async () => {
          setDialog(null);
          await refresh(true);
          await onChanged(agency.parentId);
        }}
      />
    </Card>
  );
}
