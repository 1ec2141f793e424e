import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FilePlanView } from './api';
import { FilesTable } from './FilesTable';
import { AddHeadingModal, CreateFileModal } from './PlanModals';

/** The file plan as annex V lays it out: each heading and the files under it. */
export function PlanView({
  plan,
  onChanged,
}: {
  plan: FilePlanView;
  onChanged: (p: FilePlanView) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<'heading' | 'file' | null>(null);
  return (
    <div data-testid="file-plan">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {plan.title} — {plan.agencyName}
        </Typography.Title>
        {plan.canManage && (
          <Flex gap={8}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setOpen('heading')}
              data-testid="heading-add-open"
            >
              {t('documents.records.addHeading')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={plan.headings.length === 0}
              onClick={() => setOpen('file')}
              data-testid="file-create-open"
            >
              {t('documents.records.createFile')}
            </Button>
          </Flex>
        )}
      </Flex>
      {plan.headings.map((h) => (
        <section key={h.id} style={{ marginTop: 16 }}>
          <Typography.Title level={5}>
            {h.code}. {h.title}
          </Typography.Title>
          <FilesTable items={plan.files.filter((f) => f.headingId === h.id)} />
        </section>
      ))}
      {open === 'heading' && (
        <AddHeadingModal
          plan={plan}
          onClose={() => setOpen(null)}
          onDone={(p) => {
            setOpen(null);
            onChanged(p);
          }}
        />
      )}
      {open === 'file' && (
        <CreateFileModal
          plan={plan}
          onClose={() => setOpen(null)}
          onDone={(f) => navigate(`/documents/records/files/${f.id}`)}
        />
      )}
    </div>
  );
}
