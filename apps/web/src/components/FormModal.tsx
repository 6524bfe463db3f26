import type { ReactNode } from 'react';
import { Form, type FormInstance, type FormProps, Modal, type ModalProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../api/client';

export interface FormModalProps<V> {
  /** The form's instance (the caller's `Form.useForm()`, so it can watch fields and show the server's errors). */
  form: FormInstance<V>;
  title: ReactNode;
  /** Cancel, and what a successful save calls (see `closeOrShowErrors`). */
  onClose: () => void;
  onFinish: (values: V) => void;
  /** The save is under way: the OK button spins. */
  saving?: boolean;
  initialValues?: FormProps<V>['initialValues'];
  /** Shown above the form (what is being edited). */
  intro?: ReactNode;
  /** Default 保存 / Save. */
  okText?: ReactNode;
  okDisabled?: boolean;
  /** data-testid of the OK button (the browser tests press it). */
  okTestId?: string;
  /** data-testid of the form. */
  formTestId?: string;
  /** The form's name (its fields' ids are `<name>_<field>`). */
  formName?: string;
  onValuesChange?: FormProps<V>['onValuesChange'];
  /** On a failed submit, scroll the first field in error into view (long forms). */
  scrollToFirstError?: boolean;
  /**
   * Keep the form while the dialog is closed (rendered before its first opening, not dropped on closing): for a
   * dialog that stays mounted and whose fields the caller sets when it opens.
   */
  keepMounted?: boolean;
  /** Default: open while mounted (the caller mounts it to open it). */
  open?: boolean;
  width?: ModalProps['width'];
  children: ReactNode;
}

/**
 * A dialog holding one form: 保存 submits it (the fields validate first), 取消 and the close button call
 * `onClose`; the form is dropped when the dialog closes (unless `keepMounted`), so the next opening starts from
 * `initialValues`.
 */
export function FormModal<V>({
  form,
  title,
  onClose,
  onFinish,
  saving,
  initialValues,
  intro,
  okText,
  okDisabled,
  okTestId,
  formTestId,
  formName,
  scrollToFirstError,
  onValuesChange,
  keepMounted,
  open = true,
  width,
  children,
}: FormModalProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden={!keepMounted}
      forceRender={keepMounted}
      okButtonProps={{ disabled: okDisabled, ...(okTestId ? { 'data-testid': okTestId } : {}) }}
    >
      {intro}
      <Form
        form={form}
        name={formName}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        scrollToFirstError={scrollToFirstError}
        onValuesChange={onValuesChange}
        data-testid={formTestId}
      >
        {children}
      </Form>
    </Modal>
  );
}

/** A form dialog's save options: close on success, show the server's field errors next to the fields. */
export function closeOrShowErrors(form: FormInstance, onClose: () => void) {
  return {
    onSuccess: () => onClose(),
    onError: (e: unknown) => {
      applyFormError(form, e);
    },
  };
}
