import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Asset, AssetState, BillingReason, RepairDecision, WarrantyStatus } from '../../api/types';

/** Solid backgrounds with ≥ 4.5:1 for antd's white custom-colour tag text. */
const WARRANTY_COLOR: Record<WarrantyStatus, string> = {
  in_warranty: '#237804',
  expiring: '#ad4e00',
  expired: '#a8071a',
  not_accepted: '#595959',
};
const STATE_COLOR: Record<AssetState, string> = { in_service: '#006d75', replaced: '#531dab', retired: '#434343' };
const DECISION_COLOR: Record<RepairDecision, string> = { free: '#237804', billable: '#a8071a', pending: '#ad4e00' };

/** 保修期内 / 即将到期 / 已过保 / 未验收 (data-status carries the code for tests). */
export function WarrantyTag({ status }: { status: WarrantyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={WARRANTY_COLOR[status]}
      data-testid="warranty-status"
      data-status={status}
      style={{ marginInlineEnd: 4 }}
    >
      {t(`asset.warranty.${status}`)}
    </Tag>
  );
}

export function AssetStateTag({ state }: { state: AssetState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="asset-state" data-state={state} style={{ marginInlineEnd: 4 }}>
      {t(`asset.state.${state}`)}
    </Tag>
  );
}

/** 免费 / 收费 / 待定 */
export function DecisionTag({ decision }: { decision: RepairDecision }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={DECISION_COLOR[decision]}
      data-testid="repair-decision"
      data-decision={decision}
      style={{ marginInlineEnd: 4 }}
    >
      {t(`repair.decision.${decision}`)}
    </Tag>
  );
}

/** Free, billable or (cause not yet known) pending cost line, with the reason as text next to it. */
export function BillableTag({ billable, reason }: { billable: boolean | null; reason: BillingReason }) {
  const { t } = useTranslation();
  const decision: RepairDecision = billable === null ? 'pending' : billable ? 'billable' : 'free';
  return (
    <Space size={4} wrap>
      <Tag
        color={DECISION_COLOR[decision]}
        data-testid="cost-billable"
        data-billable={String(billable)}
        style={{ marginInlineEnd: 0 }}
      >
        {t(`repair.decision.${decision}`)}
      </Tag>
      <span className="muted" data-testid="cost-reason" data-reason={reason}>
        {t(`billingReason.${reason}`)}
      </span>
    </Space>
  );
}

/**
 * The warranty end, marked 已顺延 when a replacement extended it past the original end (R4). The
 * original end is written out with `showOriginal`, otherwise only for screen readers and on hover.
 */
export function WarrantyEnd({
  asset,
  showOriginal = false,
}: {
  asset: Pick<Asset, 'warrantyEnd' | 'originalWarrantyEnd'>;
  showOriginal?: boolean;
}) {
  const { t } = useTranslation();
  if (!asset.warrantyEnd) return <span className="muted">—</span>;
  const extended = !!asset.originalWarrantyEnd && asset.warrantyEnd !== asset.originalWarrantyEnd;
  const original = t('asset.originalEnd', { date: asset.originalWarrantyEnd });
  return (
    <Space size={4} wrap>
      <span data-testid="warranty-end">{asset.warrantyEnd}</span>
      {extended ? (
        <>
          <Tag
            color="#0958d9"
            data-testid="warranty-extended"
            data-original={asset.originalWarrantyEnd}
            title={original}
            style={{ marginInlineEnd: 0 }}
          >
            {t('asset.extended')}
          </Tag>
          <span className={showOriginal ? 'muted' : 'visually-hidden'}>{original}</span>
        </>
      ) : null}
    </Space>
  );
}

/** 剩 N 天 / 已过期 N 天. */
export function DaysLeft({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return <span className="muted">—</span>;
  return days >= 0 ? (
    <span data-testid="days-left" data-days={days}>
      {t('asset.daysLeft', { n: days })}
    </span>
  ) : (
    <span className="danger-text" data-testid="days-left" data-days={days}>
      {t('asset.daysOver', { n: -days })}
    </span>
  );
}
