import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OmRecordStatus } from '../../api/types';
import { PRIMARY } from '../../app/theme';

/** Solid backgrounds with ≥ 4.5:1 for antd's white custom-colour tag text. */
const RECORD_STATUS_COLOR: Record<OmRecordStatus, string> = {
  draft: '#595959',
  submitted: PRIMARY,
  rejected: '#a8071a',
  signed: '#237804',
  superseded: '#434343',
};

export function RecordStatusTag({ status }: { status: OmRecordStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={RECORD_STATUS_COLOR[status]}
      data-testid="record-status"
      data-status={status}
      style={{ marginInlineEnd: 4 }}
    >
      {t(`record.status.${status}`)}
    </Tag>
  );
}
