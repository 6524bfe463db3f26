import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { DISCIPLINES } from '../../api/enums';
import type { Discipline, EngineerProfile } from '../../api/types';
import { useSaveProfile } from './api';
import { DateField } from '../../components/DateField';

interface CertValues {
  name: string;
  number?: string;
  expiresOn?: string;
}
interface Values {
  disciplines: Discipline[];
  skillLevel: number;
  certifications: CertValues[];
}

/** The disciplines as one named group of check boxes. */
function DisciplineGroup({
  id,
  value,
  onChange,
  label,
}: {
  id?: string;
  value?: Discipline[];
  onChange?: (v: Discipline[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <div role="group" id={id} aria-label={label}>
      <Checkbox.Group
        value={value}
        onChange={(v) => onChange?.(DISCIPLINES.filter((d) => (v as Discipline[]).includes(d)))}
        options={DISCIPLINES.map((d) => ({
          value: d,
          label: <span data-testid={`profile-discipline-${d}`}>{t(`staffing.discipline.${d}`)}</span>,
        }))}
      />
    </div>
  );
}

/** 编辑资质 (service manager): disciplines, skill level 1–5 and certificates with their expiry. */
export function ProfileModal({ profile, onClose }: { profile: EngineerProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveProfile(profile.userId);
  const required = { required: true, message: t('common.required') };

  const onFinish = (v: Values) =>
    save.mutate(
      {
        disciplines: v.disciplines ?? [],
        skillLevel: v.skillLevel,
        certifications: (v.certifications ?? []).map((c) => ({
          name: c.name.trim(),
          number: c.number?.trim() || undefined,
          expiresOn: c.expiresOn || null,
        })),
      },
      {
        onSuccess: () => {
          void message.success(t('staffing.profileSaved', { name: profile.name }));
          onClose();
        },
        onError: (e) => applyFormError(form, e),
      },
    );

  return (
    <Modal
      open
      title={t('staffing.profileTitle', { name: profile.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'profile-save' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="profile"
        layout="vertical"
        data-testid="profile-form"
        initialValues={{
          disciplines: profile.disciplines,
          skillLevel: profile.skillLevel,
          certifications: profile.certifications.map((c) => ({
            name: c.name,
            number: c.number,
            expiresOn: c.expiresOn ?? undefined,
          })),
        }}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Form.Item name="disciplines" label={t('staffing.disciplines')}>
          <DisciplineGroup label={t('staffing.disciplines')} />
        </Form.Item>
        <Form.Item
          name="skillLevel"
          label={t('staffing.skillLevel')}
          extra={t('staffing.skillLevelHelp')}
          rules={[required]}
        >
          <InputNumber min={1} max={5} precision={0} data-testid="profile-skill" />
        </Form.Item>
        <fieldset className="plain-fieldset">
          <legend className="card-h2" style={{ marginBottom: 8 }}>
            {t('staffing.certifications')}
          </legend>
          <Form.List name="certifications">
            {(fields, { add, remove }) => (
              <div className="stack">
                {fields.map((f, i) => (
                  <Card size="small" key={f.key} data-testid="cert-item">
                    <Row gutter={12} align="bottom">
                      <Col xs={24} sm={12}>
                        <Form.Item
                          name={[f.name, 'name']}
                          label={t('staffing.certNameN', { n: i + 1 })}
                          rules={[{ ...required, whitespace: true }]}
                        >
                          <Input maxLength={100} data-testid="cert-name" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12}>
                        <Form.Item name={[f.name, 'number']} label={t('staffing.certNumber')}>
                          <Input maxLength={100} data-testid="cert-number" />
                        </Form.Item>
                      </Col>
                      <Col xs={18} sm={12}>
                        <Form.Item
                          name={[f.name, 'expiresOn']}
                          label={t('staffing.certExpiresOn')}
                          extra={t('staffing.certExpiresHelp')}
                        >
                          <DateField data-testid="cert-expires" />
                        </Form.Item>
                      </Col>
                      <Col xs={6} sm={12} style={{ textAlign: 'end', paddingBottom: 24 }}>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined aria-hidden />}
                          aria-label={t('staffing.removeCert', { n: i + 1 })}
                          onClick={() => remove(f.name)}
                          data-testid="cert-remove"
                        />
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '' })} data-testid="cert-add">
                  {t('staffing.addCert')}
                </Button>
              </div>
            )}
          </Form.List>
        </fieldset>
      </Form>
    </Modal>
  );
}
