import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { errorText } from '../../app/feedback';
import { useSession } from '../../app/session';
import { AgencyTreeSelect } from '../agencies/AgencyTreeSelect';
import { CreateUserDrawer } from './CreateUserDrawer';
import { UserDrawer } from './UserDrawer';
import { UserTable } from './UserTable';
import { useUserList } from './useUserList';

/** Users of an agency (and its subtree), with creation and a detail drawer at /users/:id. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const navigate = useNavigate();
  const { id: openId } = useParams();
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agencyId') ?? undefined;
  const subtree = params.get('subtree') !== 'false';
  const [qInput, setQInput] = useState(params.get('q') ?? '');
  const [q, setQ] = useState(qInput);
  const [creating, setCreating] = useState(false);
  const list = useUserList({ agencyId, subtree, q });

  useEffect(() => {
    const timer = setTimeout(() => setQ(qInput), 350);
    return () => clearTimeout(timer);
  }, [qInput]);

  const search = params.toString() ? `?${params.toString()}` : '';
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        {can('identity.user.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        )}
      </Flex>
      <Card style={{ marginTop: 16 }}>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <AgencyTreeSelect
            value={agencyId}
            onChange={(v) => setParam('agencyId', v)}
            allowClear
            placeholder={t('users.allAgencies')}
            aria-label={t('users.agency')}
            style={{ width: 320 }}
            data-testid="users-agency"
          />
          <Flex align="center" gap={6}>
            <Switch
              size="small"
              id="users-subtree"
              checked={subtree}
              onChange={(v) => setParam('subtree', v ? undefined : 'false')}
            />
            <label htmlFor="users-subtree">{t('users.subtree')}</label>
          </Flex>
          <Input.Search
            value={qInput}
            onChange={(e) => setQInput(e.target.value)}
            onSearch={(v) => setQ(v)}
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.search')}
            allowClear
            style={{ width: 280 }}
          />
        </Flex>
        {list.error != null && (
          <Alert
            type="error"
            showIcon
            title={errorText(list.error, t)}
            style={{ marginBottom: 12 }}
          />
        )}
        <UserTable users={list.items} loading={list.loading} linkSuffix={search} />
        {list.hasMore && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button onClick={() => void list.loadMore()} loading={list.loading}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
      <CreateUserDrawer
        open={creating}
        defaultAgencyId={agencyId ?? me?.agencyId ?? undefined}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          void list.reload();
          navigate(`/users/${user.id}${search}`);
        }}
      />
      <UserDrawer
        userId={openId ?? null}
        onClose={() => navigate(`/users${search}`)}
        onChanged={(user) => list.patch(user)}
      />
    </>
  );
}
