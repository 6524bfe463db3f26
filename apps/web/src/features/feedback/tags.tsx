import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, STATUS_COLOR } from '../../app/theme';
import type { FeedbackCategory, FeedbackStatus } from './api';

const STATUS: Record<FeedbackStatus, string> = { open: LEVEL_COLOR[2]!, answered: LEVEL_COLOR[3]!, closed: '#595959' };
const CATEGORY: Record<FeedbackCategory, string> = {
  opinion: LEVEL_COLOR[3]!,
  suggestion: STATUS_COLOR.resolved!,
  complaint: LEVEL_COLOR[1]!,
  praise: '#531dab',
};

export function FeedbackStatusTag({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS[status]} data-testid="feedback-status" data-status={status}>
      {t(`feedback.status.${status}`)}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: FeedbackCategory }) {
  const { t } = useTranslation();
  return (
    <Tag color={CATEGORY[category]} data-testid="feedback-category" data-category={category}>
      {t(`feedback.category.${category}`)}
    </Tag>
  );
}
