import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PresenceStatus } from '../../api/types';

/** Solid backgrounds with ≥ 4.5:1 for antd's white custom-colour tag text. */
export const PRESENCE_COLOR: Record<PresenceStatus, string> = {
  present: '#237804',
  late: '#ad4e00',
  absent: '#a8071a',
  extra: '#531dab',
};

/** 在岗 / 迟到 / 缺勤 / 计划外 (data-status carries the code for tests). */
export function PresenceStatusTag({ status }: { status: PresenceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={PRESENCE_COLOR[status]}
      data-testid="presence-status"
      data-status={status}
      style={{ marginInlineEnd: 4 }}
    >
      {t(`presence.status.${status}`)}
    </Tag>
  );
}
