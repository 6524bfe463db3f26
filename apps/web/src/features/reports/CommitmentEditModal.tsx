import { Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CommitmentResult, useUpdateCommitment } from './api';
import { isPercentKind, promiseText } from './format';
import { closeOrShowErrors, FormModal } from '../../components/FormModal';

interface Values {
  target: number;
  enabled: boolean;
  note: string;
}

/** 编辑承诺 (service manager): the target, whether it is measured, and a note. */
export function CommitmentEditModal({ item, onClose }: { item: CommitmentResult; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCommitment();
  const [form] = Form.useForm<Values>();
  const percent = isPercentKind(item.kind);
  const submit = (v: Values) =>
    update.mutate(
      { id: item.id, target: v.target, enabled: v.enabled, note: (v.note ?? '').trim() },
      closeOrShowErrors(form, onClose),
    );
  return (
    <FormModal
      form={form}
      title={t('reports.commitments.edit')}
      onClose={onClose}
      onFinish={submit}
      saving={update.isPending}
      initialValues={{ target: item.target, enabled: item.enabled, note: item.note }}
      intro={
        <>
          <Typography.Paragraph strong data-testid="commitment-edit-promise">
            {promiseText(t, item)}
          </Typography.Paragraph>
        </>
      }
      okTestId="commitment-save"
      formTestId="commitment-form"
    >
      <Form.Item
        name="target"
        label={t(
          percent
            ? 'reports.commitments.targetPct'
            : item.kind === 'resident_headcount'
              ? 'reports.commitments.targetHeadcount'
              : 'reports.commitments.targetDay',
        )}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber
          min={percent ? 0 : item.kind === 'report_delivery' ? 1 : 0}
          max={percent ? 100 : item.kind === 'report_delivery' ? 28 : 1000}
          step={percent ? 0.5 : 1}
          className="full-width"
          data-testid="commitment-target"
        />
      </Form.Item>
      <Form.Item name="enabled" label={t('reports.commitments.enabled')} valuePropName="checked">
        <Switch data-testid="commitment-enabled" />
      </Form.Item>
      <Form.Item name="note" label={t('reports.commitments.note')}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} data-testid="commitment-note" />
      </Form.Item>
    </FormModal>
  );
}
