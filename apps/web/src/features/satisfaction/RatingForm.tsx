import { Button, Descriptions, Form, Input, Radio, Tag } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFormError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { FormRadioGroup } from '../../components/formControls';
import { STATUS_COLOR, LEVEL_COLOR } from '../../app/theme';
import type { RatingInput, RatingRequest } from './api';
import { SCORES } from './api';

/** Solid tag colours with white text (≥ 4.5:1). */
const GREEN = STATUS_COLOR.resolved!;
const ORANGE = LEVEL_COLOR[2]!;
const RED = LEVEL_COLOR[1]!;
const GREY = '#595959';
export const scoreColor = (score: number) => (score >= 4 ? GREEN : score === 3 ? ORANGE : RED);

/** "2 · 不满意" as a coloured tag. */
export function ScoreTag({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={scoreColor(score)} data-testid="rating-score" data-score={score} style={{ marginInlineEnd: 0 }}>
      <StarFilled aria-hidden /> {t('satisfaction.scoreN', { n: score })} · {t(`satisfaction.score.${score}`)}
    </Tag>
  );
}

export function StateTag({ state }: { state: RatingRequest['state'] }) {
  const { t } = useTranslation();
  const color = state === 'rated' ? GREEN : state === 'pending' ? ORANGE : GREY;
  return (
    <Tag color={color} data-testid="rating-state" data-state={state}>
      {t(`satisfaction.state.${state}`)}
    </Tag>
  );
}

/**
 * The 1–5 choice as native radios (arrow keys move, the label says the score's meaning): five
 * options that wrap on a phone.
 */
export function ScoreRadios(props: {
  value?: number;
  onChange?: (v: number) => void;
  id?: string;
  'aria-required'?: boolean | 'true' | 'false';
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation();
  const { value, onChange, ...aria } = props;
  return (
    <FormRadioGroup
      {...aria}
      value={value}
      onChange={(e) => onChange?.(e.target.value as number)}
      className="score-radios"
      style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
    >
      {SCORES.map((s) => (
        <Radio key={s} value={s} data-testid={`score-${s}`}>
          <span style={{ whiteSpace: 'nowrap' }}>
            {s} · {t(`satisfaction.score.${s}`)}
          </span>
        </Radio>
      ))}
    </FormRadioGroup>
  );
}

interface FormProps {
  onSubmit: (v: RatingInput) => Promise<unknown>;
  submitting: boolean;
  submitText?: string;
  commentLabel?: string;
  testId?: string;
  /** Without its own button (a dialog's OK submits it through `form`). */
  form?: ReturnType<typeof Form.useForm<RatingInput>>[0];
  hideSubmit?: boolean;
}

/** Score (required) and comment; server errors land on their field. */
export function RatingForm({
  onSubmit,
  submitting,
  submitText,
  commentLabel,
  testId = 'rating-form',
  form: external,
  hideSubmit,
}: FormProps) {
  const { t } = useTranslation();
  const [own] = Form.useForm<RatingInput>();
  const form = external ?? own;
  const finish = (v: RatingInput) => {
    onSubmit({ score: v.score, comment: v.comment?.trim() ?? '' }).catch((e: unknown) => applyFormError(form, e));
  };
  return (
    <Form form={form} layout="vertical" onFinish={finish} data-testid={testId} requiredMark>
      <Form.Item
        name="score"
        label={t('satisfaction.scoreLabel')}
        rules={[{ required: true, message: t('satisfaction.scoreRequired') }]}
      >
        <ScoreRadios />
      </Form.Item>
      <Form.Item name="comment" label={commentLabel ?? t('satisfaction.comment')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="rating-comment" />
      </Form.Item>
      {hideSubmit ? null : (
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="rating-submit">
          {submitText ?? t('satisfaction.submit')}
        </Button>
      )}
    </Form>
  );
}

/** What was rated: score, comment, channel and time. */
export function RatingResult({ r }: { r: RatingRequest }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={1} size="small" data-testid="rating-result">
      <Descriptions.Item label={t('satisfaction.scoreLabel')}>
        {r.score ? <ScoreTag score={r.score} /> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('satisfaction.comment')}>
        <span className="pre-wrap" data-testid="rating-comment-text">
          {r.comment || '—'}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('satisfaction.channelLabel')}>
        <span data-testid="rating-channel" data-channel={r.channel ?? ''}>
          {r.channel ? t(`satisfaction.channel.${r.channel}`) : '—'}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('satisfaction.ratedAt')}>{formatDateTime(r.ratedAt)}</Descriptions.Item>
    </Descriptions>
  );
}
