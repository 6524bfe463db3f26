import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Spin } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DollarOutlined, LinkOutlined, SwapOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CostItem, Replacement, Ticket, TicketRepair } from '../../api/types';
import { hasRole } from '../../app/roles';
import { formatMoney } from '../../components/format';
import { ResponsiveList } from '../../components/ResponsiveList';
import { useCurrentUser } from '../auth/useMe';
import { assetPath } from '../assets/api';
import { BillableTag, DecisionTag, WarrantyTag } from '../assets/AssetTags';
import { useTicketRepair } from './api';
import { CostItemModal, RepairAssetModal, ReplacementModal } from './RepairForms';
import { RepairPointSummary } from './RepairPointCard';

const h3 = (text: string) => (
  <h3 className="card-h2" style={{ fontSize: 15, margin: '16px 0 8px' }}>
    {text}
  </h3>
);
type Dialog = 'asset' | 'replace' | 'cost' | null;

function ReplacementList({ items }: { items: Replacement[] }) {
  const { t } = useTranslation();
  if (!items.length)
    return (
      <p className="muted" style={{ margin: 0 }}>
        {t('repair.noReplacements')}
      </p>
    );
  return (
    <ul className="problem-list" style={{ paddingInlineStart: 18 }}>
      {items.map((r) => (
        <li key={r.id} data-testid="replacement-row" data-new-end={r.newEnd ?? ''} data-days={r.extendedByDays}>
          <strong>{r.replacedOn}</strong> {t('warranty.serials', { old: r.oldSerial, new: r.newSerial })} · {r.model}
          <div className="muted">
            {r.inWarranty
              ? t('repair.replacementWarranty', {
                  from: r.previousEnd ?? '—',
                  to: r.newEnd ?? '—',
                  n: r.extendedByDays,
                  policy: t(`warranty.policy.${r.policy}`),
                })
              : t('repair.replacementNoWarranty')}
            {` · ${r.byName}`}
          </div>
        </li>
      ))}
    </ul>
  );
}

function CostList({ items }: { items: CostItem[] }) {
  const { t } = useTranslation();
  const qty = (c: CostItem) => (c.kind === 'labour' ? t('repair.hoursN', { n: c.quantity }) : String(c.quantity));
  const columns: ColumnsType<CostItem> = [
    { title: t('repair.costKind'), key: 'kind', render: (_, c) => t(`costKind.${c.kind}`), width: 80 },
    { title: t('repair.description'), key: 'description', dataIndex: 'description' },
    { title: t('repair.quantity'), key: 'qty', render: (_, c) => qty(c), width: 80 },
    { title: t('repair.unitCost'), key: 'unit', render: (_, c) => formatMoney(c.unitCostCents), width: 100 },
    {
      title: t('repair.amount'),
      key: 'amount',
      render: (_, c) => <span data-testid="cost-amount">{formatMoney(c.amountCents)}</span>,
      width: 110,
    },
    {
      title: t('repair.billing'),
      key: 'billing',
      render: (_, c) => <BillableTag billable={c.billable} reason={c.reason} />,
    },
  ];
  return (
    <ResponsiveList<CostItem>
      items={items}
      columns={columns}
      rowKey={(c) => c.id}
      rowTestId="cost-row"
      label={t('repair.costsTitle')}
      emptyText={t('repair.noCosts')}
      renderCard={(c) => (
        <Card size="small" className="ticket-card full-width">
          <Space wrap size={6}>
            <strong>{t(`costKind.${c.kind}`)}</strong>
            <span style={{ overflowWrap: 'anywhere' }}>{c.description}</span>
          </Space>
          <div>
            {qty(c)} × {formatMoney(c.unitCostCents)} ={' '}
            <strong data-testid="cost-amount">{formatMoney(c.amountCents)}</strong>
          </div>
          <BillableTag billable={c.billable} reason={c.reason} />
        </Card>
      )}
    />
  );
}

/** The facts that decide free or billable, each in words. */
function Decision({ repair }: { repair: TicketRepair }) {
  const { t } = useTranslation();
  const a = repair.asset;
  const inWarranty =
    repair.inWarranty === null ? '—' : repair.inWarranty ? t('repair.inWarrantyYes') : t('repair.inWarrantyNo');
  const items: DescriptionsProps['items'] = [
    {
      key: 'asset',
      label: t('repair.asset'),
      children: a ? (
        <Space wrap size={4}>
          <Link to={assetPath(a.id)} data-testid="repair-asset-link">
            {a.name}
          </Link>
          <span className="muted">{a.serial}</span>
          <WarrantyTag status={a.warrantyStatus} />
        </Space>
      ) : (
        <span className="muted">{t('billingReason.no_asset')}</span>
      ),
    },
    { key: 'faultOn', label: t('repair.faultOn'), children: repair.faultOn },
    {
      key: 'inWarranty',
      label: t('repair.inWarranty'),
      children: (
        <span data-testid="repair-in-warranty" data-value={String(repair.inWarranty)}>
          {inWarranty}
          {repair.warrantyEndAtFault ? (
            <span className="muted"> · {t('repair.endAtFault', { date: repair.warrantyEndAtFault })}</span>
          ) : null}
        </span>
      ),
    },
    {
      key: 'decision',
      label: t('repair.decisionLabel'),
      children: (
        <Space wrap size={4}>
          <DecisionTag decision={repair.decision} />
          <span data-testid="repair-reason" data-reason={repair.reason}>
            {t(`billingReason.${repair.reason}`)}
          </span>
        </Space>
      ),
    },
    { key: 'policy', label: t('repair.policy'), children: t(`warranty.policy.${repair.extensionPolicy}`) },
    {
      key: 'rate',
      label: t('repair.labourRate'),
      children: t('repair.ratePerHour', { amount: formatMoney(repair.labourRateCents) }),
    },
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={items}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="repair-facts"
    />
  );
}

/**
 * 维修 (R2–R4) on the ticket page: the asset, whether it was in warranty on the fault day, free or
 * billable and why, parts replaced (with the new part's warranty), cost lines with totals, and the
 * repair points serving the project. Staff record; customers read.
 */
export function RepairPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const q = useTicketRepair(ticket.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  // A closed or cancelled ticket's repair is history: the server refuses changes to it.
  const open = ticket.status !== 'cancelled' && ticket.status !== 'closed';
  const canAsset = open && hasRole(me, ['service_manager', 'dispatcher', 'engineer']);
  const canRecord = open && hasRole(me, ['service_manager', 'engineer']);

  if (q.isPending) return <Spin style={{ display: 'block', margin: 16 }} />;
  const repair = q.data;
  if (!repair)
    return (
      <Alert
        type="warning"
        showIcon
        message={t('repair.loadFailed')}
        description={q.error instanceof Error ? q.error.message : undefined}
      />
    );

  return (
    <div
      data-testid="repair-panel"
      data-decision={repair.decision}
      data-reason={repair.reason}
      data-in-warranty={String(repair.inWarranty)}
    >
      <Decision repair={repair} />
      {canAsset ? (
        <Button
          icon={<LinkOutlined aria-hidden />}
          onClick={() => setDialog('asset')}
          style={{ marginTop: 8 }}
          data-testid="repair-choose-asset"
        >
          {repair.asset ? t('repair.changeAsset') : t('repair.chooseAsset')}
        </Button>
      ) : null}

      {h3(t('repair.replacementsTitle'))}
      <ReplacementList items={repair.replacements} />
      {canRecord && repair.asset ? (
        <Button
          icon={<SwapOutlined aria-hidden />}
          onClick={() => setDialog('replace')}
          style={{ marginTop: 8 }}
          data-testid="repair-replace"
        >
          {t('repair.replace')}
        </Button>
      ) : null}

      {h3(t('repair.costsTitle'))}
      <CostList items={repair.costItems} />
      <Space wrap size={[16, 4]} style={{ marginTop: 8 }} data-testid="repair-totals">
        <span>
          {t('repair.billableTotal')}:{' '}
          <strong data-testid="repair-total-billable" data-cents={repair.totals.billableCents}>
            {formatMoney(repair.totals.billableCents)}
          </strong>
        </span>
        <span>
          {t('repair.freeTotal')}:{' '}
          <strong data-testid="repair-total-free" data-cents={repair.totals.freeCents}>
            {formatMoney(repair.totals.freeCents)}
          </strong>
        </span>
        {repair.totals.pendingCents ? (
          <span>
            {t('repair.pendingTotal')}:{' '}
            <strong data-testid="repair-total-pending" data-cents={repair.totals.pendingCents}>
              {formatMoney(repair.totals.pendingCents)}
            </strong>
          </span>
        ) : null}
      </Space>
      {canRecord ? (
        <div>
          <Button
            icon={<DollarOutlined aria-hidden />}
            onClick={() => setDialog('cost')}
            style={{ marginTop: 8 }}
            data-testid="repair-add-cost"
          >
            {t('repair.addCost')}
          </Button>
        </div>
      ) : null}

      {h3(t('repair.pointsTitle'))}
      {repair.repairPoints.length ? (
        <div className="stack">
          {repair.repairPoints.map((p) => (
            <RepairPointSummary key={p.id} point={p} />
          ))}
        </div>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          {t('repairPoint.none')}
        </p>
      )}

      {dialog === 'asset' ? (
        <RepairAssetModal
          ticketId={ticket.id}
          projectId={ticket.projectId}
          repair={repair}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'replace' ? (
        <ReplacementModal ticketId={ticket.id} repair={repair} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'cost' ? (
        <CostItemModal ticketId={ticket.id} repair={repair} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
