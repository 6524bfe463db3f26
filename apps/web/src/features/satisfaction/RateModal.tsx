import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingInput, RatingRequest } from './api';
import { subjectOf, useRate } from './api';
import { RatingForm } from './RatingForm';

/** Rate one request in a dialog (我的评价). */
export function RateModal({ request, onClose }: { request: RatingRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const rate = useRate();
  const [form] = Form.useForm<RatingInput>();
  return (
    <Modal
      open
      title={t('satisfaction.rateTitle', { subject: subjectOf(request) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('satisfaction.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={rate.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'rate-modal-submit' }}
      data-testid="rate-modal"
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {request.projectName}
      </p>
      <RatingForm
        form={form}
        hideSubmit
        testId="rate-modal-form"
        submitting={rate.isPending}
        onSubmit={(v) => rate.mutateAsync({ id: request.id, ...v }).then(onClose)}
      />
    </Modal>
  );
}
