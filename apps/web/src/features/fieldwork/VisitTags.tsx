import { Tag } from 'antd';
import { CheckCircleOutlined, EnvironmentOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** On site / checked out, and a warning for a check-out that was forgotten (still open after its day). */
export function VisitStatusTag({ checkedOutAt, forgotten }: { checkedOutAt: number | null; forgotten: boolean }) {
  const { t } = useTranslation();
  if (forgotten)
    return (
      <Tag
        color="warning"
        icon={<WarningOutlined aria-hidden />}
        data-testid="visit-forgotten"
        style={{ marginInlineEnd: 4 }}
      >
        {t('field.forgotten')}
      </Tag>
    );
  return checkedOutAt === null ? (
    <Tag
      color="processing"
      icon={<EnvironmentOutlined aria-hidden />}
      data-testid="visit-open"
      style={{ marginInlineEnd: 4 }}
    >
      {t('field.onSite')}
    </Tag>
  ) : (
    <Tag icon={<CheckCircleOutlined aria-hidden />} data-testid="visit-done" style={{ marginInlineEnd: 4 }}>
      {t('field.checkedOut')}
    </Tag>
  );
}
