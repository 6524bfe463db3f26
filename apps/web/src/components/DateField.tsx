import type { CSSProperties } from 'react';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { beijingWallClock, fromBeijingWallClock } from './format';

type AriaBool = boolean | 'true' | 'false';
/** What antd's Form.Item and a label's htmlFor hand to a control. */
interface ControlProps {
  id?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-required'?: AriaBool;
  'aria-invalid'?: AriaBool;
  'aria-describedby'?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

const DAY_FORMAT = 'YYYY-MM-DD';
const MONTH_FORMAT = 'YYYY-MM';

interface DateFieldProps extends ControlProps {
  /** "YYYY-MM-DD" (or "YYYY-MM" with picker="month"): the API's own form, so forms submit what they did before. */
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  picker?: 'date' | 'month';
  /** Earliest and latest selectable value, in the same form as `value`. */
  min?: string;
  max?: string;
}

/**
 * A calendar day or month through antd's DatePicker, in the user's language (ConfigProvider's locale, dayjs
 * locale set with the language), in place of the browser's native date inputs whose look and language
 * follow the browser, not the app. The value stays a plain string; a cleared picker gives `undefined`.
 */
export function DateField({ value, onChange, picker = 'date', min, max, style, ...rest }: DateFieldProps) {
  const format = picker === 'month' ? MONTH_FORMAT : DAY_FORMAT;
  const unit = picker === 'month' ? 'month' : 'day';
  const parsed = value ? dayjs(value) : null;
  const outOfRange = (d: Dayjs) => (!!min && d.isBefore(dayjs(min), unit)) || (!!max && d.isAfter(dayjs(max), unit));
  return (
    <DatePicker
      {...rest}
      picker={picker}
      format={format}
      value={parsed?.isValid() ? parsed : null}
      disabledDate={min || max ? outOfRange : undefined}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(format) : undefined)}
      style={{ width: 180, maxWidth: '100%', ...style }}
    />
  );
}

interface DateTimeFieldProps extends ControlProps {
  /** Epoch milliseconds. */
  value?: number;
  onChange?: (ms: number | undefined) => void;
}

/**
 * Date and time as epoch ms, picked and shown in Beijing time whatever the browser's zone ("2026-12-07 11:29").
 * The value keeps its seconds until the user changes it, so a time taken from a check-in stays exact.
 */
export function DateTimeField({ value, onChange, style, ...rest }: DateTimeFieldProps) {
  return (
    <DatePicker
      {...rest}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={value === undefined ? null : beijingWallClock(value)}
      onChange={(d: Dayjs | null) => onChange?.(d ? fromBeijingWallClock(d) : undefined)}
      style={{ width: 200, maxWidth: '100%', ...style }}
    />
  );
}
