import { useState } from 'react';
import { Button, Form, Modal } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '../../api/client';
import { useProjects } from '../../api/queries';
import { DateField } from '../../components/DateField';
import { beijingMonth } from '../../components/format';
import { SearchSelect } from '../../components/SearchSelect';

interface Values {
  projectId: string;
  month: string;
}

/** 导出 Excel: a project's records of one month, for the provider to hand to the purchaser. */
export function ExportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { data: projects = [] } = useProjects();
  const month = beijingMonth();
  const go = async () => {
    const v = await form.validateFields();
    window.location.assign(buildUrl('/om-records/export', { projectId: v.projectId, month: v.month }));
    setOpen(false);
  };
  return (
    <>
      <Button icon={<FileExcelOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="records-export">
        {t('record.export')}
      </Button>
      <Modal
        open={open}
        title={t('record.exportTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void go()}
        okText={t('record.exportOk')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ month, projectId: projects.length === 1 ? projects[0]?.id : undefined }}
        >
          <Form.Item
            name="projectId"
            label={t('record.project')}
            rules={[{ required: true, message: t('record.exportProjectRequired') }]}
          >
            <SearchSelect
              options={projects.map((p) => ({ value: p.id, label: p.name }))}
              data-testid="records-export-project"
            />
          </Form.Item>
          <Form.Item
            name="month"
            label={t('record.exportMonth')}
            rules={[{ required: true, pattern: /^\d{4}-\d\d$/, message: t('record.exportMonthRequired') }]}
          >
            <DateField picker="month" data-testid="records-export-month" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
