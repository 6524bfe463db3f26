import { useMemo, useState } from 'react';
import { Button, Checkbox, Col, Row, Select, Space, Tabs } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { OM_RECORD_STATUSES } from '../../api/enums';
import { useProjects } from '../../api/queries';
import type { OmRecordStatus, OmRecordSummary } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { hasRole, isProviderStaff, RECORD_AUTHORS } from '../../app/roles';
import { ExportButton } from './ExportButton';
import { useCurrentUser } from '../auth/useMe';
import { useRecordList, type RecordFilter } from './api';
import { RecordList } from './RecordList';
import { SignatureModal } from './SignatureModal';
import { SearchSelect } from '../../components/SearchSelect';

type Tab = 'todo' | 'all';
const isStatus = (s: string | null): s is OmRecordStatus =>
  !!s && (OM_RECORD_STATUSES as readonly string[]).includes(s);

/**
 * 运维记录: 待办 (what I should act on now) and 全部, a status filter, keyset "load more". The
 * customer lead ticks records awaiting signature in 待办 and signs them in one go.
 */
export default function RecordListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const author = hasRole(me, RECORD_AUTHORS);
  const lead = me.roles.includes('customer_lead');
  // Authors and the lead start from what waits for them; readers (customer users, dispatchers) from all.
  const defaultTab: Tab = author || lead ? 'todo' : 'all';
  const [params, setParams] = useSearchParams();
  const todoParam = params.get('todo');
  const tab: Tab = todoParam === 'true' ? 'todo' : todoParam === 'false' ? 'all' : defaultTab;
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const projectId = params.get('projectId') ?? undefined;
  const filter = useMemo<RecordFilter>(
    () => ({ todo: tab === 'todo' ? true : undefined, status, projectId }),
    [tab, status, projectId],
  );
  const list = useRecordList(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { data: projects = [] } = useProjects();

  const update = (patch: { todo?: Tab; status?: string; projectId?: string }) => {
    const next = { todo: tab, status, projectId, ...patch };
    const p = new URLSearchParams();
    p.set('todo', next.todo === 'todo' ? 'true' : 'false');
    if (next.status) p.set('status', next.status);
    if (next.projectId) p.set('projectId', next.projectId);
    setParams(p, { replace: true });
  };

  // Signing: only a lead, only records submitted for signature.
  const canSelect = lead && tab === 'todo';
  const selectable = (r: OmRecordSummary) => r.status === 'submitted';
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const signable = canSelect ? items.filter(selectable) : [];
  const selected = new Set(signable.filter((r) => picked.has(r.id)).map((r) => r.id));
  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const [signing, setSigning] = useState(false);

  return (
    <>
      <PageHeader
        title={t('nav.records')}
        extra={
          <Space wrap>
            {isProviderStaff(me) || hasRole(me, ['customer_lead']) ? <ExportButton /> : null}
            {author ? (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => navigate('/records/new')}
                data-testid="record-new"
              >
                {t('record.new')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ todo: k as Tab })}
        items={(['todo', 'all'] as const).map((k) => ({
          key: k,
          label: <span data-testid={`records-tab-${k}`}>{t(`record.tab.${k}`)}</span>,
        }))}
      />
      <div role="search" aria-label={t('filter.title')} style={{ marginBottom: 12 }}>
        <Row gutter={[8, 8]}>
          <Col xs={24} sm={12} md={8}>
            <Select
              allowClear
              className="full-width"
              aria-label={t('filter.status')}
              placeholder={t('filter.status')}
              value={status}
              onChange={(s?: string) => update({ status: s })}
              options={OM_RECORD_STATUSES.map((s) => ({ value: s, label: t(`record.status.${s}`) }))}
              data-testid="records-filter-status"
            />
          </Col>
          {projects.length > 1 ? (
            <Col xs={24} sm={12} md={8}>
              <SearchSelect
                allowClear
                className="full-width"
                aria-label={t('filter.project')}
                placeholder={t('filter.project')}
                value={projectId}
                onChange={(p?: string) => update({ projectId: p })}
                options={projects.map((p) => ({ value: p.id, label: p.name }))}
                data-testid="records-filter-project"
              />
            </Col>
          ) : null}
        </Row>
      </div>
      {canSelect && signable.length ? (
        <div role="group" aria-label={t('record.signBar')} className="sign-bar" data-testid="sign-bar">
          <Space wrap>
            <Checkbox
              checked={selected.size === signable.length}
              indeterminate={selected.size > 0 && selected.size < signable.length}
              onChange={(e) => setPicked(new Set(e.target.checked ? signable.map((r) => r.id) : []))}
              data-testid="record-select-all"
            >
              {t('record.selectAll')}
            </Checkbox>
            <span className="muted" aria-live="polite">
              {t('record.selectedN', { n: selected.size })}
            </span>
            <Button
              type="primary"
              icon={<EditOutlined aria-hidden />}
              disabled={!selected.size}
              onClick={() => setSigning(true)}
              data-testid="sign-selected"
            >
              {t('record.sign')}
            </Button>
          </Space>
        </div>
      ) : null}
      <RecordList
        label={t(`record.tab.${tab}`)}
        items={items}
        loading={list.isPending}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        selection={canSelect ? { selected, toggle, selectable } : undefined}
      />
      {signing ? (
        <SignatureModal
          records={signable.filter((r) => selected.has(r.id))}
          onClose={() => setSigning(false)}
          onSigned={() => setPicked(new Set())}
        />
      ) : null}
    </>
  );
}
