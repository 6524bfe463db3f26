import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Card, Descriptions, Result, Spin } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/usePageTitle';
import { hasStoredLanguage, setLanguage } from '../../i18n';
import { usePublicRating, useRateByToken } from './api';
import { RatingForm, ScoreTag } from './RatingForm';

const h2 = (text: string) => <h2 style={{ fontSize: 18, margin: 0 }}>{text}</h2>;

/**
 * 满意度评价: the public page behind the one-time link in the e-mail (no sign-in). Shows what is
 * rated, takes a 1–5 score and a comment once, then thanks; a used, expired or replaced link says so.
 * Follows the browser's language unless the user picked one.
 */
export default function RatePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('satisfaction.public.title'));
  useEffect(() => {
    if (!hasStoredLanguage() && typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('en'))
      setLanguage('en', false);
  }, []);
  const q = usePublicRating(token);
  const rate = useRateByToken(token);
  const [thanked, setThanked] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const data = q.data;

  const submit = async (v: { score: number; comment?: string }) => {
    setConflict(null);
    try {
      await rate.mutateAsync(v);
      setThanked(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(e.detail);
        void q.refetch();
        return;
      }
      throw e;
    }
  };

  let body: ReactNode = null;
  if (q.isPending) body = <Spin />;
  else if (q.isError) {
    const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    body = (
      <div data-testid="rate-state" data-state="not_found">
        <Result
          status={notFound ? '404' : 'error'}
          title={h2(notFound ? t('satisfaction.public.notFound') : t('error.loadFailed'))}
          subTitle={notFound ? t('satisfaction.public.notFoundHelp') : undefined}
        />
      </div>
    );
  } else if (data) {
    const details = (
      <Descriptions column={1} size="small" bordered data-testid="rate-subject">
        <Descriptions.Item
          label={t(data.kind === 'survey' ? 'satisfaction.public.survey' : 'satisfaction.public.ticket')}
        >
          <span style={{ overflowWrap: 'anywhere' }}>{data.subject}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('satisfaction.project')}>{data.projectName}</Descriptions.Item>
        {data.state === 'pending' ? (
          <Descriptions.Item label={t('satisfaction.expiresAt')}>{formatDateTime(data.expiresAt)}</Descriptions.Item>
        ) : null}
      </Descriptions>
    );
    if (thanked && data.state === 'rated')
      body = (
        <div data-testid="rate-state" data-state="thanks">
          <Result
            status="success"
            title={h2(t('satisfaction.public.thanks'))}
            subTitle={t('satisfaction.public.thanksHelp')}
            extra={data.score ? <ScoreTag score={data.score} /> : null}
          />
          {details}
        </div>
      );
    else if (data.state === 'rated')
      body = (
        <div data-testid="rate-state" data-state="rated">
          <Result
            status="info"
            title={h2(t('satisfaction.public.alreadyRated'))}
            subTitle={t('satisfaction.public.alreadyRatedHelp')}
            extra={data.score ? <ScoreTag score={data.score} /> : null}
          />
          {details}
        </div>
      );
    else if (data.state !== 'pending')
      body = (
        <div data-testid="rate-state" data-state={data.state}>
          <Result
            status="warning"
            title={h2(t(data.state === 'expired' ? 'satisfaction.public.expired' : 'satisfaction.public.superseded'))}
            subTitle={t('satisfaction.public.closedHelp')}
          />
          {details}
        </div>
      );
    else
      body = (
        <div data-testid="rate-state" data-state="pending">
          {details}
          <Card size="small" style={{ marginTop: 16 }} title={h2(t('satisfaction.public.question'))}>
            <RatingForm onSubmit={submit} submitting={rate.isPending} testId="rate-form" />
          </Card>
        </div>
      );
  }

  return (
    <main style={{ maxWidth: 640, margin: '24px auto', padding: '0 12px' }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 8,
          flexWrap: 'wrap',
          marginBottom: 12,
        }}
      >
        <h1 style={{ fontSize: 20, margin: 0 }}>{t('satisfaction.public.title')}</h1>
        <LanguageSwitch />
      </div>
      {conflict ? (
        <Alert type="warning" showIcon message={conflict} style={{ marginBottom: 12 }} data-testid="rate-conflict" />
      ) : null}
      {rate.isError &&
      !(rate.error instanceof ApiError && rate.error.status === 409) &&
      !(rate.error instanceof ApiError && rate.error.status === 400) ? (
        <Alert
          type="error"
          showIcon
          message={rate.error instanceof ApiError ? rate.error.detail : t('error.unknown')}
          style={{ marginBottom: 12 }}
          role="alert"
        />
      ) : null}
      {body}
    </main>
  );
}
