import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AUDIT_TARGET_TYPE_LABELS, auditActionLabel } from '@weibao/schema/audit-actions';
import { api, downloadUrl } from '../../api/client';
import type { AuditEntry, AuditPage as AuditPageT, AuditQuery } from '../../api/types';
import { formatDateTimeSec } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList } from '../../components/ResponsiveList';
import { useKeysetList } from '../../components/useKeysetList';
import { currentLang } from '../../i18n';
import { type AuditVerifyResult, problemKey } from './api';
import { ActionPicker, OperatorPicker } from './AuditFilters';

type Filter = Omit<AuditQuery, 'cursor' | 'limit'>;
interface FilterValues {
  actorId?: string;
  action?: string;
  targetId?: string;
  result?: 'success' | 'failure';
  range?: [Dayjs | null, Dayjs | null] | null;
}

/**
 * 审计日志 (等保 8.1.4.3): read-only, auditor only; newest first with keyset paging. Operators are picked by name,
 * actions and targets read as words and names, the filtered log exports to Excel/CSV, and the hash chain is
 * verified on demand with the first broken entry named.
 */
export default function AuditPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [filter, setFilter] = useState<Filter>({});
  const [form] = Form.useForm<FilterValues>();
  const q = useKeysetList<AuditPageT>(['audit', filter], '/audit', { ...filter, limit: 50 });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const verify = useMutation({ mutationFn: () => api<AuditVerifyResult>('/audit/verify') });

  const apply = (v: FilterValues) =>
    setFilter({
      actorId: v.actorId || undefined,
      action: v.action || undefined,
      targetId: v.targetId?.trim() || undefined,
      result: v.result,
      from: v.range?.[0]?.startOf('day').valueOf(),
      to: v.range?.[1]?.endOf('day').valueOf(),
    });

  const result = (e: AuditEntry) => (
    <Tag color={e.result === 'success' ? '#237804' : '#a8071a'}>{t(`audit.result.${e.result}`)}</Tag>
  );
  const action = (e: AuditEntry) => (
    <Tooltip title={e.action}>
      <span>{auditActionLabel(e.action, lang)}</span>
    </Tooltip>
  );
  const target = (e: AuditEntry) => {
    if (e.targetName) return e.targetName;
    if (!e.targetType && !e.targetId) return '—';
    const type = e.targetType ? (AUDIT_TARGET_TYPE_LABELS[e.targetType]?.[lang] ?? e.targetType) : '';
    return (
      <Tooltip title={e.targetId}>
        <span>{type || e.targetId}</span>
      </Tooltip>
    );
  };
  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.time'), key: 'at', render: (_, e) => formatDateTimeSec(e.at), width: 170 },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) => e.actorName ?? e.actorId ?? t('audit.system'),
      width: 110,
    },
    {
      title: t('audit.roles'),
      key: 'roles',
      render: (_, e) => e.actorRoles.map((r) => t(`role.${r}`, { defaultValue: r })).join(', '),
      width: 120,
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—', width: 120 },
    { title: t('audit.action'), key: 'action', render: (_, e) => action(e), width: 140 },
    { title: t('audit.target'), key: 'target', render: (_, e) => target(e), width: 200 },
    { title: t('audit.summary'), dataIndex: 'summary', key: 'summary' },
    { title: t('audit.resultTitle'), key: 'result', render: (_, e) => result(e), width: 80 },
  ];

  const col = { xs: 24, sm: 12, lg: 6 };
  const v = verify.data;
  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        extra={
          <Space wrap>
            <Button
              icon={<SafetyCertificateOutlined aria-hidden />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="audit-verify"
            >
              {t('audit.verify')}
            </Button>
            <Tooltip title={t('audit.exportNote')}>
              <Button
                icon={<DownloadOutlined aria-hidden />}
                href={downloadUrl('/audit/export.xlsx', filter)}
                data-testid="audit-export-xlsx"
              >
                {t('audit.exportXlsx')}
              </Button>
            </Tooltip>
            <Tooltip title={t('audit.exportNote')}>
              <Button
                icon={<DownloadOutlined aria-hidden />}
                href={downloadUrl('/audit/export.csv', filter)}
                data-testid="audit-export-csv"
              >
                {t('audit.exportCsv')}
              </Button>
            </Tooltip>
          </Space>
        }
      />
      {v ? (
        <Alert
          role="status"
          style={{ marginBottom: 12 }}
          type={v.ok ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => verify.reset()}
          message={t('audit.verifyTitle')}
          description={
            v.ok
              ? t('audit.verifyOk', { checked: v.checked })
              : t('audit.verifyBroken', { seq: v.seq ?? v.checked + 1, problem: t(problemKey(v.problem)) })
          }
          data-testid="audit-verify-result"
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form<FilterValues>
          form={form}
          layout="vertical"
          name="audit-filter"
          onFinish={apply}
          role="search"
          aria-label={t('filter.title')}
        >
          <Row gutter={12}>
            <Col {...col}>
              <Form.Item name="actorId" label={t('audit.operator')} style={{ marginBottom: 8 }}>
                <OperatorPicker />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="action" label={t('audit.action')} style={{ marginBottom: 8 }}>
                <ActionPicker />
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
                <DatePicker.RangePicker
                  className="full-width"
                  allowEmpty={[true, true]}
                  aria-label={t('audit.range')}
                  placeholder={[t('audit.from'), t('audit.to')]}
                  data-testid="audit-range"
                />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              {t('filter.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              {t('filter.reset')}
            </Button>
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
              <strong>{action(e)}</strong>
              <span className="muted">{formatDateTimeSec(e.at)}</span>
            </Space>
            <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 0 }}>
              {e.summary}
            </Typography.Paragraph>
            <div className="muted">
              {e.actorName ?? e.actorId ?? t('audit.system')} · {e.ip ?? '—'} · {target(e)}
            </div>
          </Card>
        )}
      />
    </>
  );
}
