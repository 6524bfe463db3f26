import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry, AuditPage as AuditPageT, AuditQuery } from '../../api/types';
import { formatDateTimeSec } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList } from '../../components/ResponsiveList';

type Filter = Omit<AuditQuery, 'cursor' | 'limit'>;
interface FilterValues {
  actorId?: string;
  action?: string;
  targetId?: string;
  result?: 'success' | 'failure';
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** 审计日志 (等保 8.1.4.3): read-only, auditor only; newest first with keyset paging. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const [form] = Form.useForm<FilterValues>();
  const q = useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) => api<AuditPageT>('/audit', { query: { ...filter, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (v: FilterValues) =>
    setFilter({
      actorId: v.actorId?.trim() || undefined,
      action: v.action?.trim() || undefined,
      targetId: v.targetId?.trim() || undefined,
      result: v.result,
      from: v.range?.[0]?.startOf('day').valueOf(),
      to: v.range?.[1]?.endOf('day').valueOf(),
    });

  const result = (e: AuditEntry) => <Tag color={e.result === 'success' ? '#237804' : '#a8071a'}>{t(`audit.result.${e.result}`)}</Tag>;
  const target = (e: AuditEntry) => (e.targetType || e.targetId ? `${e.targetType ?? ''}${e.targetId ? ` ${e.targetId}` : ''}` : '—');
  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.time'), key: 'at', render: (_, e) => formatDateTimeSec(e.at), width: 170 },
    { title: t('audit.actor'), key: 'actor', render: (_, e) => e.actorName ?? e.actorId ?? t('audit.system') },
    { title: t('audit.roles'), key: 'roles', render: (_, e) => e.actorRoles.map((r) => t(`role.${r}`, { defaultValue: r })).join(', ') },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
    { title: t('audit.action'), dataIndex: 'action', key: 'action' },
    { title: t('audit.target'), key: 'target', render: (_, e) => target(e) },
    { title: t('audit.summary'), dataIndex: 'summary', key: 'summary' },
    { title: t('audit.resultTitle'), key: 'result', render: (_, e) => result(e) },
  ];

  const col = { xs: 24, sm: 12, lg: 6 };
  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form<FilterValues> form={form} layout="vertical" name="audit-filter" onFinish={apply} role="search" aria-label={t('filter.title')}>
          <Row gutter={12}>
            <Col {...col}>
              <Form.Item name="actorId" label={t('audit.actorId')} style={{ marginBottom: 8 }}>
                <Input allowClear data-testid="audit-actor" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="action" label={t('audit.action')} style={{ marginBottom: 8 }}>
                <Input allowClear placeholder={t('audit.actionPlaceholder')} data-testid="audit-action" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="targetId" label={t('audit.targetId')} style={{ marginBottom: 8 }}>
                <Input allowClear data-testid="audit-target" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="result" label={t('audit.resultTitle')} style={{ marginBottom: 8 }}>
                <Select
                  allowClear
                  options={(['success', 'failure'] as const).map((r) => ({ value: r, label: t(`audit.result.${r}`) }))}
                  data-testid="audit-result"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="range" label={t('audit.range')} style={{ marginBottom: 8 }}>
                <DatePicker.RangePicker className="full-width" allowEmpty={[true, true]} aria-label={t('audit.range')} placeholder={[t('audit.from'), t('audit.to')]} data-testid="audit-range" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              {t('filter.search')}
            </Button>
            <Button onClick={() => { form.resetFields(); setFilter({}); }}>{t('filter.reset')}</Button>
          </Space>
        </Form>
      </Card>
      <ResponsiveList<AuditEntry>
        label={t('nav.audit')}
        items={items}
        loading={q.isPending}
        columns={columns}
        rowKey={(e) => e.id}
        rowTestId="audit-row"
        hasMore={q.hasNextPage}
        loadingMore={q.isFetchingNextPage}
        onLoadMore={() => void q.fetchNextPage()}
        renderCard={(e) => (
          <Card size="small" className="full-width">
            <Space wrap size={4}>
              {result(e)}
              <strong>{e.action}</strong>
              <span className="muted">{formatDateTimeSec(e.at)}</span>
            </Space>
            <div className="pre-wrap">{e.summary}</div>
            <div className="muted">
              {e.actorName ?? e.actorId ?? t('audit.system')} · {e.ip ?? '—'} · {target(e)}
            </div>
          </Card>
        )}
      />
    </>
  );
}
