import { useState } from 'react';
import { Button, Card, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EngineerProfile } from '../../api/types';
import { ResponsiveList } from '../../components/ResponsiveList';
import { useEngineers } from './api';
import { ProfileModal } from './ProfileModal';
import { CertTag, DisciplineTag } from './StaffingTags';

/** 工程师资质: every provider engineer's disciplines, skill level and certificates; the manager edits them. */
export function EngineerProfiles({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const q = useEngineers();
  const [editing, setEditing] = useState<EngineerProfile | null>(null);

  const disciplines = (e: EngineerProfile) =>
    e.disciplines.length ? (
      e.disciplines.map((d) => <DisciplineTag key={d} discipline={d} />)
    ) : (
      <span className="muted">{t('staffing.noDisciplines')}</span>
    );
  const certs = (e: EngineerProfile) =>
    e.certifications.length ? (
      <Space wrap size={[0, 4]}>
        {e.certifications.map((c, i) => (
          <CertTag key={`${c.name}-${i}`} cert={c} />
        ))}
      </Space>
    ) : (
      <span className="muted">{t('staffing.noCerts')}</span>
    );
  const edit = (e: EngineerProfile) =>
    editable ? (
      <Button
        size="small"
        icon={<EditOutlined aria-hidden />}
        onClick={() => setEditing(e)}
        aria-label={t('staffing.editProfileOf', { name: e.name })}
        data-testid="engineer-edit"
      >
        {t('common.edit')}
      </Button>
    ) : null;
  const columns: ColumnsType<EngineerProfile> = [
    {
      title: t('staffing.person'),
      key: 'name',
      render: (_, e) => <strong data-testid="engineer-name">{e.name}</strong>,
      width: 110,
    },
    { title: t('staffing.disciplines'), key: 'disciplines', render: (_, e) => disciplines(e), width: 220 },
    {
      title: t('staffing.skillLevel'),
      key: 'skill',
      render: (_, e) => t('staffing.levelN', { n: e.skillLevel }),
      width: 90,
    },
    { title: t('staffing.certifications'), key: 'certs', render: (_, e) => certs(e) },
    ...(editable
      ? [{ title: t('common.actions'), key: 'edit', render: (_: unknown, e: EngineerProfile) => edit(e), width: 100 }]
      : []),
  ];
  const card = (e: EngineerProfile) => (
    <Card size="small" className="ticket-card full-width">
      <Space wrap size={6} style={{ marginBottom: 4 }}>
        <strong data-testid="engineer-name">{e.name}</strong>
        <span className="muted">{t('staffing.levelN', { n: e.skillLevel })}</span>
        {edit(e)}
      </Space>
      <div style={{ marginBottom: 4 }}>{disciplines(e)}</div>
      {certs(e)}
    </Card>
  );

  return (
    <Card
      size="small"
      title={<h2 className="card-h2">{t('staffing.engineersTitle')}</h2>}
      data-testid="engineer-profiles"
    >
      <ResponsiveList<EngineerProfile>
        items={q.data ?? []}
        columns={columns}
        rowKey={(e) => e.userId}
        renderCard={card}
        rowTestId="engineer-row"
        label={t('staffing.engineersTitle')}
        loading={q.isPending}
        emptyText={t('staffing.noEngineers')}
      />
      {editing ? <ProfileModal profile={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
