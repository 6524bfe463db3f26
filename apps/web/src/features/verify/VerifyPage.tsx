import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { formatDateTime } from '../../components/format';

interface Verification {
  intact: boolean;
  number: string;
  version: number;
  status: string;
  projectName: string;
  customerName: string;
  serviceStart: number;
  serviceEnd: number;
  signedAt: number;
  signerName: string;
  contentHash: string;
}

/**
 * 记录核验: the public page behind the QR code on a service record sheet. No sign-in; with the code
 * printed on the sheet the server says whether the signed record still hashes to what was signed.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const h = params.get('h') ?? '';
  const q = useQuery({
    queryKey: ['verify', id, h],
    queryFn: () =>
      api<Verification>(`/public/om-records/${encodeURIComponent(id)}/verify`, { query: { h }, silent: true }),
    retry: false,
  });
  return (
    <main style={{ maxWidth: 640, margin: '24px auto', padding: '0 12px' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <h1 style={{ fontSize: 20, margin: 0 }}>{t('verify.title')}</h1>
        <LanguageSwitch />
      </div>
      {q.isPending ? <Spin /> : null}
      {q.isError ? (
        <div data-testid="verify-not-found">
          <Result
            status="warning"
            title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('verify.notFound')}</h2>}
            subTitle={t('verify.notFoundHelp')}
          />
        </div>
      ) : null}
      {q.data ? (
        <Card data-testid="verify-result" data-intact={q.data.intact}>
          <Result
            status={q.data.intact ? 'success' : 'error'}
            title={
              <h2 style={{ fontSize: 18, margin: 0 }}>{q.data.intact ? t('verify.intact') : t('verify.changed')}</h2>
            }
            subTitle={q.data.intact ? t('verify.intactHelp') : t('verify.changedHelp')}
          />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item
              label={t('record.number')}
            >{`${q.data.number} · ${t('record.versionN', { n: q.data.version })}`}</Descriptions.Item>
            <Descriptions.Item label={t('verify.customer')}>{q.data.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('record.project')}>{q.data.projectName}</Descriptions.Item>
            <Descriptions.Item
              label={t('record.serviceTime')}
            >{`${formatDateTime(q.data.serviceStart)} – ${formatDateTime(q.data.serviceEnd)}`}</Descriptions.Item>
            <Descriptions.Item
              label={t('verify.signed')}
            >{`${q.data.signerName} · ${formatDateTime(q.data.signedAt)}`}</Descriptions.Item>
            <Descriptions.Item label={t('record.contentHash')}>
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {q.data.contentHash}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
    </main>
  );
}
