import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, STATUS_COLOR } from '../../app/theme';
import type { AttendanceStatus, CourseStatus } from './api';

/** Solid backgrounds with white text (≥ 4.5:1), like the ticket tags. */
const GREEN = STATUS_COLOR.resolved!;
const ORANGE = LEVEL_COLOR[2]!;
const RED = LEVEL_COLOR[1]!;
const GREY = '#595959';

export function CompletionTag({ complete }: { complete: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={complete ? GREEN : ORANGE} data-testid="training-complete-tag" data-complete={String(complete)}>
      {t(complete ? 'training.progress.complete' : 'training.progress.incomplete')}
    </Tag>
  );
}

export const COURSE_STATUS_COLOR: Record<CourseStatus, string> = {
  independent: GREEN,
  not_yet: RED,
  not_assessed: GREY,
};

export function CourseStatusTag({ status, label }: { status: CourseStatus; label?: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={COURSE_STATUS_COLOR[status]}
      data-testid="training-course-status"
      data-status={status}
      style={{ marginInlineEnd: 4, whiteSpace: 'normal' }}
    >
      {label ? `${label}: ` : ''}
      {t(`training.status.${status}`)}
    </Tag>
  );
}

export const ATTENDANCE_COLOR: Record<AttendanceStatus, string> = {
  present: GREEN,
  late: ORANGE,
  absent: RED,
  excused: GREY,
};

export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ATTENDANCE_COLOR[status]} data-testid="training-attendance-status" data-status={status}>
      {t(`training.attendance.${status}`)}
    </Tag>
  );
}

export function NeedsBatchTag() {
  const { t } = useTranslation();
  return (
    <Tag color={ORANGE} data-testid="training-needs-batch">
      {t('training.trainee.needsBatch')}
    </Tag>
  );
}
