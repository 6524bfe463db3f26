import { useEffect } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Space, Spin, Statistic } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCustomers } from '../../api/queries';
import type { CostStatementLine } from '../../api/types';
import { isProviderStaff, ticketPath } from '../../app/roles';
import { formatDateTime, formatMoney } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveList } from '../../components/ResponsiveList';
import { useCurrentUser } from '../auth/useMe';
import { beijingDay } from '../fieldwork/api';
import { statementUrl, useCostStatement, type StatementQuery } from './api';
import { useUrlState } from '../../components/useUrlState';
import { DateField } from '../../components/DateField';
import { SearchSelect } from '../../components/SearchSelect';

const DAY = /^\d{4}-\d\d-\d\d$/;

/**
 * 费用结算单 (R3): a customer's billable repair costs of a period, line by line with the reason
 * each is charged (or free), the total, and the same as PDF and Excel. The service manager picks
 * the customer; a customer's lead sees their own organisation.
 */
export default function CostStatementPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const staff = isProviderStaff(me);
  const { customers, loading } = useCustomers();
  const [params, set] = useUrlState();
  const today = beijingDay();
  const from = params.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today;
  const asked = params.get('customerId') ?? undefined;
  const customerId = staff ? (asked ?? (customers.length === 1 ? customers[0]?.id : undefined)) : me.orgId;
  const valid = !!customerId && DAY.test(from) && DAY.test(to) && from <= to;
  const query: StatementQuery | undefined = valid ? { customerId: customerId!, from, to } : undefined;
  const q = useCostStatement(query);
  const s = q.data;

  useEffect(() => {
    if (staff && customerId && asked !== customerId) set({ customerId });
    // `set` writes the URL and is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staff, customerId, asked]);

  const columns: ColumnsType<CostStatementLine> = [
    { title: t('cost.day'), key: 'day', dataIndex: 'day', width: 105 },
    {
      title: t('cost.ticket'),
      key: 'ticket',
      render: (_, l) => <Link to={ticketPath(me, l.ticketId)}>{l.ticketNumber}</Link>,
      width: 160,
    },
    {
      title: t('cost.asset'),
      key: 'asset',
      render: (_, l) => (l.assetName ? `${l.assetName}${l.serial ? ` (${l.serial})` : ''}` : '—'),
    },
    { title: t('repair.costKind'), key: 'kind', render: (_, l) => t(`costKind.${l.kind}`), width: 80 },
    { title: t('repair.description'), key: 'description', dataIndex: 'description', width: 160 },
    { title: t('repair.quantity'), key: 'qty', dataIndex: 'quantity', width: 70 },
    { title: t('repair.unitCost'), key: 'unit', render: (_, l) => formatMoney(l.unitCostCents), width: 100 },
    {
      title: t('repair.amount'),
      key: 'amount',
      render: (_, l) => <strong>{formatMoney(l.amountCents)}</strong>,
      width: 110,
    },
    {
      title: t('cost.reason'),
      key: 'reason',
      render: (_, l) => (
        <span data-testid="statement-reason" data-reason={l.reason}>
          {l.reasonText}
        </span>
      ),
    },
  ];

  const dateInput = (id: 'from' | 'to', value: string) => (
    <Col xs={12} sm={8} md={5}>
      <label htmlFor={`cost-${id}`} className="muted">
        {t(`cost.${id}`)}
      </label>
      <DateField
        id={`cost-${id}`}
        value={value}
        allowClear={false}
        onChange={(v) => v && set({ [id]: v })}
        data-testid={`cost-${id}`}
      />
    </Col>
  );

  return (
    <>
      <PageHeader
        title={t('cost.title')}
        extra={
          query ? (
            <>
              <Button
                href={statementUrl(query, 'pdf')}
                download
                icon={<FilePdfOutlined aria-hidden />}
                data-testid="cost-pdf"
              >
                {t('cost.pdf')}
              </Button>
              <Button
                href={statementUrl(query, 'xlsx')}
                download
                icon={<FileExcelOutlined aria-hidden />}
                data-testid="cost-xlsx"
              >
                {t('cost.xlsx')}
              </Button>
            </>
          ) : null
        }
      />
      <div role="search" aria-label={t('filter.title')} style={{ marginBottom: 12 }}>
        <Row gutter={[8, 8]} align="bottom">
          {staff ? (
            <Col xs={24} md={10}>
              <label htmlFor="cost-customer" className="muted">
                {t('cost.customer')}
              </label>
              <SearchSelect
                id="cost-customer"
                className="full-width"
                placeholder={t('archive.chooseCustomer')}
                loading={loading}
                value={customerId}
                onChange={(c: string) => set({ customerId: c })}
                options={customers.map((c) => ({ value: c.id, label: c.name }))}
                data-testid="cost-customer"
              />
            </Col>
          ) : null}
          {dateInput('from', from)}
          {dateInput('to', to)}
        </Row>
      </div>
      {from > to ? <Alert type="warning" showIcon message={t('cost.badPeriod')} style={{ marginBottom: 12 }} /> : null}
      {!customerId ? (
        <Empty description={<span className="muted">{t('archive.chooseCustomerFirst')}</span>} />
      ) : !s ? (
        q.isFetching ? (
          <Spin style={{ display: 'block', margin: 48 }} />
        ) : q.error ? (
          <Alert
            type="error"
            showIcon
            message={t('error.loadFailed')}
            description={q.error.message}
            data-testid="cost-error"
          />
        ) : null
      ) : (
        <div className="stack" data-testid="cost-statement" data-total={s.totalCents} data-lines={s.lines.length}>
          <Card size="small" title={<h2 className="card-h2">{t('cost.summaryTitle', { name: s.customerName })}</h2>}>
            <Space wrap size={[32, 8]} align="start">
              <Statistic title={t('cost.total')} value={formatMoney(s.totalCents)} valueStyle={{ color: '#a8071a' }} />
              {s.byKind.map((k) => (
                <Statistic key={k.kind} title={t(`costKind.${k.kind}`)} value={formatMoney(k.amountCents)} />
              ))}
            </Space>
            <div className="muted" style={{ marginTop: 8 }}>
              {t('cost.period', { from: s.from, to: s.to })} ·{' '}
              {t('cost.generatedAt', { at: formatDateTime(s.generatedAt) })}
            </div>
          </Card>
          <Card size="small" title={<h2 className="card-h2">{t('cost.linesTitle')}</h2>}>
            <ResponsiveList<CostStatementLine>
              items={s.lines}
              columns={columns}
              rowKey={(l) => `${l.ticketId}-${l.day}-${l.description}-${l.amountCents}`}
              rowTestId="statement-line"
              label={t('cost.linesTitle')}
              emptyText={t('cost.empty')}
              loading={q.isFetching && !s}
              renderCard={(l) => (
                <Card size="small" className="ticket-card full-width">
                  <Space wrap size={6}>
                    <span>{l.day}</span>
                    <Link to={ticketPath(me, l.ticketId)}>{l.ticketNumber}</Link>
                    <strong>{formatMoney(l.amountCents)}</strong>
                  </Space>
                  <div style={{ overflowWrap: 'anywhere' }}>
                    {t(`costKind.${l.kind}`)} · {l.description} · {l.quantity} × {formatMoney(l.unitCostCents)}
                  </div>
                  {l.assetName ? (
                    <div className="muted" style={{ overflowWrap: 'anywhere' }}>
                      {l.assetName}
                      {l.serial ? ` (${l.serial})` : ''}
                    </div>
                  ) : null}
                  <div className="muted" data-testid="statement-reason" data-reason={l.reason}>
                    {l.reasonText}
                  </div>
                </Card>
              )}
            />
          </Card>
        </div>
      )}
    </>
  );
}
