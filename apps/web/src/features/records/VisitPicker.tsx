import { Checkbox, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { VisitStatusTag } from '../fieldwork/VisitTags';
import type { VisitOption } from './recordForm';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  options: VisitOption[];
  loading?: boolean;
  'aria-describedby'?: string;
}

const clock = (ms: number | null) => (ms === null ? '…' : formatDateTime(ms).slice(11));

/** Tick the entry/exit records (mine and colleagues') this record covers. */
export function VisitPicker({ id, value = [], onChange, options, loading, 'aria-describedby': describedBy }: Props) {
  const { t } = useTranslation();
  const chosen = new Set(value);
  const toggle = (visitId: string, on: boolean) =>
    onChange?.(on ? [...value, visitId] : value.filter((v) => v !== visitId));
  return (
    <div role="group" id={id} aria-describedby={describedBy} data-testid="visit-picker">
      {loading ? <Spin size="small" /> : null}
      {!loading && options.length === 0 ? <div className="muted">{t('record.noVisitsToPick')}</div> : null}
      {options.map((v) => (
        <div key={v.id} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Checkbox
            checked={chosen.has(v.id)}
            onChange={(e) => toggle(v.id, e.target.checked)}
            data-testid="visit-option"
            data-visit-id={v.id}
          >
            <strong>{v.engineerName}</strong> {formatDateTime(v.checkedInAt).slice(5, 10)} {clock(v.checkedInAt)}–
            {clock(v.checkedOutAt)}{' '}
            <span className="muted" style={{ overflowWrap: 'anywhere' }}>
              {v.location}
            </span>{' '}
            {v.checkedOutAt === null || v.forgotten ? (
              <VisitStatusTag checkedOutAt={v.checkedOutAt} forgotten={v.forgotten} />
            ) : null}
          </Checkbox>
        </div>
      ))}
    </div>
  );
}
