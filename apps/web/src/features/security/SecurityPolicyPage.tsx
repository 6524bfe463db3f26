import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, applyFormError } from '../../api/client';
import type { SecurityPolicy } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';

const FIELDS: { name: keyof SecurityPolicy; min: number; max: number }[] = [
  { name: 'passwordMinLength', min: 8, max: 64 },
  { name: 'passwordMinClasses', min: 2, max: 4 },
  { name: 'passwordMaxAgeDays', min: 0, max: 3650 },
  { name: 'lockoutThreshold', min: 3, max: 20 },
  { name: 'lockoutMinutes', min: 1, max: 1440 },
  { name: 'sessionIdleMinutes', min: 1, max: 1440 },
];

/** 安全策略 (等保 8.1.4.1): only the security admin sees and changes it; every change is audited. */
export default function SecurityPolicyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<SecurityPolicy>();
  const { data, isPending } = useQuery({
    queryKey: ['security-policy'],
    queryFn: () => api<SecurityPolicy>('/security-policy'),
  });
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  const save = useMutation({
    mutationFn: (body: SecurityPolicy) => api<SecurityPolicy>('/security-policy', { method: 'PUT', body }),
    onSuccess: (p) => {
      qc.setQueryData(['security-policy'], p);
      void message.success(t('security.saved'));
    },
    onError: (e) => applyFormError(form, e),
  });
  return (
    <>
      <PageHeader title={t('nav.security')} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('security.hint')} />
      <Card>
        {isPending ? (
          <Spin />
        ) : (
          <Form
            form={form}
            layout="vertical"
            name="security"
            onFinish={(v) => save.mutate(v)}
            style={{ maxWidth: 480 }}
          >
            {FIELDS.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={t(`security.${f.name}`)}
                extra={t(`security.${f.name}Help`)}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber
                  min={f.min}
                  max={f.max}
                  precision={0}
                  className="full-width"
                  data-testid={`security-${f.name}`}
                />
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="security-save">
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
