import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, STATUS_COLOR } from '../../app/theme';
import type { KbStatus, KbVisibility } from './api';

/** Solid backgrounds with white text (≥ 4.5:1), like the ticket tags. */
const STATUS: Record<KbStatus, string> = {
  draft: LEVEL_COLOR[2]!,
  published: STATUS_COLOR.resolved!,
  archived: '#595959',
};
const VISIBILITY: Record<KbVisibility, string> = { internal: '#0958d9', customer: '#531dab' };

export function KbStatusTag({ status }: { status: KbStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS[status]} data-testid="kb-status" data-status={status}>
      {t(`kb.status.${status}`)}
    </Tag>
  );
}

export function KbVisibilityTag({ visibility }: { visibility: KbVisibility }) {
  const { t } = useTranslation();
  return (
    <Tag color={VISIBILITY[visibility]} data-testid="kb-visibility" data-visibility={visibility}>
      {t(`kb.visibility.${visibility}`)}
    </Tag>
  );
}
