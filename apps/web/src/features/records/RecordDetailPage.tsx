import { Alert, Button, Card, Col, Result, Row, Space, Spin } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { buildUrl } from '../../api/client';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useRecord } from './api';
import { RecordActions } from './RecordActions';
import { RecordSignature, RecordTimeline, RecordVersions } from './RecordHistory';
import { RecordInfo, RecordVisits, VersionTag } from './RecordInfo';
import { RecordStatusTag } from './RecordTags';

const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** 运维记录 detail: every R15 field, the entry/exit records, the status history, versions and signature. */
export default function RecordDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: record, error, isPending } = useRecord(id);

  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!record) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{notFound ? t('record.notFound') : t('error.loadFailed')}</h1>}
      />
    );
  }

  const kind = t(`record.kind.${record.kind}`);
  return (
    <article
      data-testid="record-detail"
      data-record-id={record.id}
      data-status={record.status}
      data-version={record.version}
    >
      <PageHeader
        title={
          <Space wrap size={[8, 4]} align="center">
            <span data-testid="record-number">{record.number}</span>
            <span>{kind}</span>
            <VersionTag version={record.version} />
            <RecordStatusTag status={record.status} />
          </Space>
        }
        docTitle={`${record.number} ${kind}`}
        extra={
          <Space wrap>
            <Button
              icon={<FilePdfOutlined aria-hidden />}
              href={buildUrl(`/om-records/${record.id}/pdf`)}
              data-testid="record-pdf"
            >
              {t('record.downloadPdf')}
            </Button>
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/records')}>
              {t('common.back')}
            </Button>
          </Space>
        }
      />
      {record.status === 'rejected' && record.rejectReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('record.rejectedBy', { name: record.rejectorName ?? '' })}
          description={
            <span className="pre-wrap" data-testid="record-reject-reason">
              {record.rejectReason}
            </span>
          }
          data-testid="record-rejected"
        />
      ) : null}
      {record.status === 'superseded' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('record.supersededHelp')} />
      ) : null}
      {record.amendReason ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('record.amendReasonIs', { reason: record.amendReason })}
          data-testid="record-amend-reason"
        />
      ) : null}
      <RecordActions record={record} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={h2(t('record.details'))} size="small" style={{ marginBottom: 16 }}>
            <RecordInfo record={record} />
          </Card>
          <Card title={h2(t('record.visits'))} size="small">
            <RecordVisits record={record} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={h2(t('record.signature'))} size="small" style={{ marginBottom: 16 }}>
            <RecordSignature record={record} />
          </Card>
          <Card title={h2(t('record.timeline'))} size="small" style={{ marginBottom: 16 }}>
            <RecordTimeline record={record} />
          </Card>
          <Card title={h2(t('record.versions'))} size="small">
            <RecordVersions record={record} />
          </Card>
        </Col>
      </Row>
    </article>
  );
}
