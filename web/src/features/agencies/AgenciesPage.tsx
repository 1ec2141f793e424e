import {
  Alert,
  Card,
  Col,
  Flex,
  Row,
  Switch,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../app/feedback';
import { AgencyDetailPanel } from './AgencyDetailPanel';
import { AgencySearch } from './AgencySearch';
import type { AgencyListItem } from './types';
import { useAgencyTree } from './useAgencyTree';

/** The agency tree (lazy), a search box, and the selected agency's details and actions. */
export default function AgenciesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const [includeEnded, setIncludeEnded] = useState(false);
  const tree = useAgencyTree(includeEnded);
  const { reveal, load, expand } = tree;

  const select = useCallback(
    (id: string | null) => setParams(id ? { id } : {}, { replace: true }),
    [setParams],
  );

  // A deep link (/agencies?id=…) or a search hit: open the branches down to it.
  useEffect(() => {
    if (!selectedId) return;
    reveal(selectedId)
      .then(() =>
        setTimeout(
          () =>
            document
              .querySelector(`[data-node-id="${selectedId}"]`)
              ?.scrollIntoView({ block: 'nearest' }),
          50,
        ),
      )
      .catch(() => {});
  }, [selectedId, reveal]);

  const treeData = useMemo(() => {
    const build = (items: AgencyListItem[] | undefined): TreeDataNode[] | undefined =>
      items?.map((a) => ({
        key: a.id,
        isLeaf: a.childCount === 0,
        title: (
          <span data-node-id={a.id} title={a.name}>
            {a.shortName}
            {a.validTo && <Tag style={{ marginInlineStart: 6 }}>{t('agencies.ended')}</Tag>}
          </span>
        ),
        children: build(tree.children.get(a.id)),
      }));
    return build(tree.roots) ?? [];
  }, [tree.children, tree.roots, t]);

  const onChanged = useCallback(
    async (parentId: string | null, selectId?: string) => {
      await load(parentId, true);
      if (parentId) expand(parentId);
      if (selectId) select(selectId);
    },
    [load, expand, select],
  );

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('agencies.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card>
            <AgencySearch onPick={(id) => select(id)} />
            <Flex align="center" gap={8} style={{ margin: '12px 0' }}>
              <Switch
                size="small"
                checked={includeEnded}
                onChange={setIncludeEnded}
                id="agencies-include-ended"
              />
              <label htmlFor="agencies-include-ended">{t('agencies.includeEnded')}</label>
            </Flex>
            {tree.error != null && (
              <Alert
                type="error"
                showIcon
                title={errorText(tree.error, t)}
                style={{ marginBottom: 8 }}
              />
            )}
            <nav
              aria-label={t('agencies.treeLabel')}
              style={{ maxHeight: '65vh', overflow: 'auto' }}
              data-testid="agency-tree"
            >
              <Tree
                showLine
                blockNode
                virtual={false}
                treeData={treeData}
                loadData={(node) => load(String(node.key)).then(() => undefined)}
                loadedKeys={[...tree.children.keys()]}
                expandedKeys={tree.expandedKeys}
                onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => keys[0] !== undefined && select(String(keys[0]))}
              />
            </nav>
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          <AgencyDetailPanel agencyId={selectedId} onChanged={onChanged} />
        </Col>
      </Row>
    </>
  );
}
