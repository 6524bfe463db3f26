import { Button, DatePicker, Form, Input, Radio, Space, Switch } from 'antd';
import { FormRadioGroup, FormSelect } from '../../components/formControls';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { WORKWEEK } from './contractForm';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A list of dates with an optional name (extra holidays or make-up working days, 调休). */
function DateList({ name, label }: { name: 'customHolidays' | 'customWorkdays'; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} style={{ marginBottom: 12 }}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="start" style={{ marginBottom: 4 }}>
                <Form.Item
                  name={[f.name, 'date']}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ marginBottom: 0 }}
                >
                  <DatePicker aria-label={t('calendar.dateN', { list: label, n: i + 1 })} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} style={{ marginBottom: 0 }}>
                  <Input
                    placeholder={t('calendar.dayName')}
                    aria-label={t('calendar.dayNameN', { list: label, n: i + 1 })}
                    maxLength={40}
                    style={{ width: 140 }}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('calendar.removeN', { list: label, n: i + 1 })}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ date: dayjs() })}
              data-testid={`${name}-add`}
            >
              {t('calendar.addDate')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function WeeklyPeriods() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`calendar.weekday.${d}`) }));
  return (
    <Form.Item label={t('calendar.weekly')} style={{ marginBottom: 12 }}>
      <Form.List name="weekly">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="start" style={{ marginBottom: 4 }}>
                <Form.Item
                  name={[f.name, 'weekday']}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ marginBottom: 0 }}
                >
                  <FormSelect
                    options={weekdays}
                    style={{ width: 96 }}
                    aria-label={t('calendar.weekdayN', { n: i + 1 })}
                  />
                </Form.Item>
                {(['start', 'end'] as const).map((edge) => (
                  <Form.Item
                    key={edge}
                    name={[f.name, edge]}
                    rules={[{ required: true, pattern: HHMM, message: t('calendar.timeFormat') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      placeholder="09:00"
                      inputMode="numeric"
                      maxLength={5}
                      style={{ width: 80 }}
                      aria-label={t(`calendar.${edge}N`, { n: i + 1 })}
                    />
                  </Form.Item>
                ))}
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('calendar.removePeriodN', { n: i + 1 })}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Space wrap>
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ weekday: 1, start: '09:00', end: '18:00' })}
              >
                {t('calendar.addPeriod')}
              </Button>
              <Button
                onClick={() =>
                  form.setFieldValue(
                    'weekly',
                    WORKWEEK.map((x) => ({ ...x })),
                  )
                }
              >
                {t('calendar.workweek')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Contract calendar: 24x7 (the bid's default) or business hours with Chinese holidays and 调休. */
export function CalendarEditor() {
  const { t } = useTranslation();
  const kind = Form.useWatch('calendarKind');
  const thisYear = dayjs().year();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - 2 + i);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8 }}>{t('calendar.title')}</legend>
      <Form.Item name="calendarKind" label={t('calendar.kind')}>
        <FormRadioGroup>
          <Radio value="24x7">
            <span data-testid="calendar-24x7">{t('calendar.24x7')}</span>
          </Radio>
          <Radio value="business">
            <span data-testid="calendar-business">{t('calendar.business')}</span>
          </Radio>
        </FormRadioGroup>
      </Form.Item>
      {kind === 'business' ? (
        <>
          <WeeklyPeriods />
          <Form.Item
            name="chinaHolidays"
            label={t('calendar.chinaHolidays')}
            valuePropName="checked"
            extra={t('calendar.chinaHolidaysHelp')}
          >
            <Switch data-testid="calendar-china-holidays" />
          </Form.Item>
          <DateList name="customHolidays" label={t('calendar.customHolidays')} />
          <DateList name="customWorkdays" label={t('calendar.customWorkdays')} />
          <Form.Item name="coveredYears" label={t('calendar.coveredYears')} extra={t('calendar.coveredYearsHelp')}>
            <FormSelect
              mode="multiple"
              options={years.map((y) => ({ value: y, label: String(y) }))}
              data-testid="calendar-covered-years"
            />
          </Form.Item>
        </>
      ) : null}
    </fieldset>
  );
}
