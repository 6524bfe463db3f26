import { Form, Input, Radio } from 'antd';
import { FormRadioGroup, FormSelect } from '../../components/formControls';
import { useTranslation } from 'react-i18next';
import { SUSPEND_REASONS } from '../../api/enums';
import type { Ticket, User } from '../../api/types';
import { LevelRadioGroup } from '../../components/LevelRadioGroup';
import type { ActionField } from './actionSpec';
import { OccurredAtFields } from './OccurredAtFields';
import { SearchSelect } from '../../components/SearchSelect';

interface Props {
  fields: ActionField[];
  action: string;
  ticket: Ticket;
  assignees: User[];
  assigneesLoading: boolean;
}

/** The inputs an action needs, as antd Form.Items (labels are real <label>s for screen readers). */
export function ActionFields({ fields, action, ticket, assignees, assigneesLoading }: Props) {
  const { t } = useTranslation();
  const required = { required: true, message: t('common.required') };
  const has = (f: ActionField) => fields.includes(f);
  const people = action === 'transfer' ? assignees.filter((u) => u.id !== ticket.assigneeId) : assignees;

  return (
    <>
      {has('assignee') ? (
        <Form.Item name="assigneeId" label={t('action.field.assignee')} rules={[required]}>
          <SearchSelect
            loading={assigneesLoading}
            options={people.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            notFoundContent={t('action.noAssignees')}
            data-testid="action-assignee"
          />
        </Form.Item>
      ) : null}
      {has('level') ? (
        <Form.Item name="level" label={t('action.field.level')} rules={[required]}>
          <LevelRadioGroup testPrefix="action" />
        </Form.Item>
      ) : null}
      {has('suspendReason') ? (
        <Form.Item name="suspendReason" label={t('action.field.suspendReason')} rules={[required]}>
          <FormSelect
            options={SUSPEND_REASONS.map((r) => ({
              value: r,
              // The contract decides which reasons stop the clocks; say so before the user picks.
              label: t('action.suspendOption', {
                reason: t(`suspendReason.${r}`),
                effect: t(ticket.pauseReasons.includes(r) ? 'action.pausesClocks' : 'action.clocksKeepRunning'),
              }),
            }))}
            data-testid="action-suspend-reason"
          />
        </Form.Item>
      ) : null}
      {has('solution') ? (
        <Form.Item name="solution" label={t('action.field.solution')} rules={[{ ...required, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={20000} data-testid="action-solution" />
        </Form.Item>
      ) : null}
      {has('faultCause') ? (
        <Form.Item
          name="faultCause"
          label={t('action.field.faultCause')}
          rules={[required]}
          extra={t('action.faultCauseHelp')}
        >
          <FormRadioGroup>
            {(['non_human', 'human'] as const).map((c) => (
              <Radio key={c} value={c}>
                <span data-testid={`action-fault-cause-${c}`}>{t(`faultCause.${c}`)}</span>
              </Radio>
            ))}
          </FormRadioGroup>
        </Form.Item>
      ) : null}
      {has('rating') ? (
        <Form.Item name="rating" label={t('action.field.rating')}>
          {/* Radio buttons instead of antd Rate: Rate's stars have no accessible names. */}
          <FormRadioGroup optionType="button">
            {[5, 4, 3, 2, 1].map((n) => (
              <Radio.Button key={n} value={n}>
                <span data-testid={`action-rating-${n}`}>{t('action.ratingN', { n })}</span>
              </Radio.Button>
            ))}
          </FormRadioGroup>
        </Form.Item>
      ) : null}
      {has('note') ? (
        <Form.Item name="note" label={t('action.field.note')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="action-note" />
        </Form.Item>
      ) : null}
      {has('occurredAt') ? (
        <OccurredAtFields reasonMinutes={ticket.occurredAtReasonMinutes} testPrefix="action" />
      ) : null}
      {has('reason') ? (
        <Form.Item name="reason" label={t('action.field.reason')} rules={[{ ...required, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="action-reason" />
        </Form.Item>
      ) : null}
    </>
  );
}
