import { useEffect } from 'react';
import { Button, Card, Form, Input } from 'antd';
import { FormSelect } from '../../components/formControls';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, applyFormError } from '../../api/client';
import { useProjects } from '../../api/queries';
import type { Asset, FaultLevel, Ticket, TicketCreate } from '../../api/types';
import { LevelRadioGroup } from '../../components/LevelRadioGroup';
import { PageHeader } from '../../components/PageHeader';
import { useRememberedProject } from '../../components/projectStore';
import { useCurrentUser } from '../auth/useMe';
import { AssetPicker } from '../assets/AssetPicker';
import { KbSuggestions } from '../knowledge/KbSuggestions';

interface Values {
  projectId: string;
  level: FaultLevel;
  title: string;
  description?: string;
  reporterName: string;
  reporterPhone: string;
  location?: string;
  assetId?: string;
}

/** 报修: a customer user reports a fault through the portal (channel "web"). */
export default function ReportFaultPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { data: projects = [], isPending } = useProjects();
  // 报修 from an asset's page: ?projectId=…&assetId=… opens the form with both chosen.
  const [params] = useSearchParams();
  const projectId = Form.useWatch('projectId', form);
  const askedProject = params.get('projectId') ?? undefined;
  // The project chosen last on any page, or the only one: a customer rarely has to pick it here.
  const [remembered, remember] = useRememberedProject(me.id);
  const preselected =
    askedProject ??
    (projects.some((p) => p.id === remembered) ? remembered! : undefined) ??
    (projects.length === 1 ? projects[0]?.id : undefined);
  // Projects arrive after the form has mounted (its initial values are taken once): choose it then.
  useEffect(() => {
    if (!isPending && preselected && !form.getFieldValue('projectId')) form.setFieldValue('projectId', preselected);
    // `form` is the same instance for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isPending, preselected]);
  const fillLocation = (a: Asset | undefined) => {
    if (a?.location && !form.getFieldValue('location')) form.setFieldValue('location', a.location);
  };

  const create = useMutation({
    mutationFn: (body: TicketCreate) => api<Ticket>('/tickets', { body }),
    onSuccess: (ticket) => {
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      navigate(`/portal/tickets/${encodeURIComponent(ticket.id)}`);
    },
    onError: (e) => applyFormError(form, e),
  });

  const required = { required: true, message: t('common.required') };
  return (
    <>
      <PageHeader title={t('portal.reportTitle')} />
      <Card style={{ maxWidth: 760 }}>
        <Form<Values>
          form={form}
          name="report"
          layout="vertical"
          initialValues={{
            reporterName: me.displayName,
            projectId: preselected,
            assetId: askedProject ? (params.get('assetId') ?? undefined) : undefined,
          }}
          onFinish={(v) =>
            create.mutate({
              projectId: v.projectId,
              level: v.level,
              title: v.title.trim(),
              description: v.description?.trim() ?? '',
              channel: 'web',
              reporterName: v.reporterName.trim(),
              reporterPhone: v.reporterPhone.trim(),
              location: v.location?.trim() || undefined,
              assetId: v.assetId || undefined,
            })
          }
          scrollToFirstError
        >
          <Form.Item name="projectId" label={t('portal.project')} rules={[required]}>
            <FormSelect
              loading={isPending}
              options={projects.map((p) => ({ value: p.id, label: p.name }))}
              onChange={(id: string) => {
                remember(id);
                form.setFieldValue('assetId', undefined);
              }}
              data-testid="report-project"
            />
          </Form.Item>
          <Form.Item name="assetId" label={t('portal.asset')} extra={t('intake.assetHelp')}>
            <AssetPicker projectId={projectId} onChange={(_, a) => fillLocation(a)} data-testid="report-asset" />
          </Form.Item>
          <Form.Item name="level" label={t('portal.level')} rules={[required]}>
            <LevelRadioGroup testPrefix="report" />
          </Form.Item>
          <Form.Item name="title" label={t('portal.faultTitle')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={200} data-testid="report-title" />
          </Form.Item>
          <KbSuggestions form={form} projectId={projectId} />
          <Form.Item name="description" label={t('portal.description')}>
            <Input.TextArea rows={5} maxLength={20000} data-testid="report-description" />
          </Form.Item>
          <Form.Item name="location" label={t('portal.location')}>
            <Input maxLength={200} data-testid="report-location" />
          </Form.Item>
          <Form.Item name="reporterName" label={t('portal.contactName')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={80} autoComplete="name" data-testid="report-name" />
          </Form.Item>
          <Form.Item
            name="reporterPhone"
            label={t('portal.phone')}
            rules={[required, { min: 3, max: 32, message: t('intake.phoneInvalid') }]}
          >
            <Input type="tel" maxLength={32} autoComplete="tel" data-testid="report-phone" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="report-submit">
            {t('portal.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
