import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FaultLevel, TicketStatus } from '../api/types';
import { LEVEL_COLOR, STATUS_COLOR } from '../app/theme';

export function LevelTag({ level }: { level: FaultLevel | number }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLOR[level] ?? '#595959'} data-testid="level-tag" style={{ marginInlineEnd: 4 }}>
      {t(`level.short.${level}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status] ?? '#595959'} data-testid="status-tag" style={{ marginInlineEnd: 4 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
