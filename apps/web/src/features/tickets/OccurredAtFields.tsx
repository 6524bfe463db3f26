import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Ticket.occurredAtReasonMinutes: past this age the server wants a reason. */
  reasonMinutes: number;
  /** data-testid prefix: `<prefix>-occurred-at`, `<prefix>-occurred-at-reason`. */
  testPrefix: string;
}

/**
 * 发生时间 (+ 补录原因 when late): a respond/arrive/resolve, or a check-in that is the arrival, logged
 * after the fact. Shared by the ticket action dialog and the phone check-in form so both ask the same way.
 */
export function OccurredAtFields({ reasonMinutes, testPrefix }: Props) {
  const { t } = useTranslation();
  const occurredAt = Form.useWatch<Dayjs | undefined>('occurredAt', Form.useFormInstance());
  // The server asks for a reason past this age (WEIBAO_BACKDATE_ACTION_REASON_MIN); ask before it refuses.
  const late = !!occurredAt && Date.now() - occurredAt.valueOf() > reasonMinutes * 60_000;
  return (
    <>
      <Form.Item
        name="occurredAt"
        label={t('action.field.occurredAt')}
        extra={t('action.occurredAtHelp')}
        rules={[
          {
            validator: (_, v?: Dayjs) =>
              v && v.valueOf() > Date.now() + 60_000
                ? Promise.reject(new Error(t('action.occurredAtFuture')))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowClear={false}
          className="full-width"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid={`${testPrefix}-occurred-at`}
        />
      </Form.Item>
      {late ? (
        <Form.Item
          name="occurredAtReason"
          label={t('action.field.occurredAtReason')}
          extra={t('action.occurredAtReasonHelp', { n: reasonMinutes })}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid={`${testPrefix}-occurred-at-reason`} />
        </Form.Item>
      ) : null}
    </>
  );
}
