import { Input } from 'antd';
import dayjs from 'dayjs';

type AriaBool = boolean | 'true' | 'false';
interface Props {
  id?: string;
  value?: number;
  onChange?: (ms: number | undefined) => void;
  'aria-required'?: AriaBool;
  'aria-invalid'?: AriaBool;
  'aria-describedby'?: string;
  'data-testid'?: string;
}

const FORMAT = 'YYYY-MM-DDTHH:mm';

/**
 * Date and time as epoch ms through the browser's own picker (type="datetime-local"): on a phone
 * that is the system wheel, and it never overflows a 390 px screen. The value keeps its seconds
 * until the user changes it, so a value taken from a check-in stays exact.
 */
export function DateTimeInput({ value, onChange, ...rest }: Props) {
  return (
    <Input
      type="datetime-local"
      {...rest}
      value={value === undefined ? '' : dayjs(value).format(FORMAT)}
      onChange={(e) => {
        const v = e.target.value;
        const d = dayjs(v); // "YYYY-MM-DDTHH:mm" parses as local time
        onChange?.(v && d.isValid() ? d.valueOf() : undefined);
      }}
    />
  );
}
