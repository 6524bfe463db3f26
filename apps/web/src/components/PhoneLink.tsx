import { PhoneOutlined } from '@ant-design/icons';

/** The number as a `tel:` href: digits and a leading +, so "010-8888 6666 转 2" still dials the line. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

/** A phone number one tap dials (reporters' numbers on tickets, at intake and on the phone ticket page). */
export function PhoneLink({ phone, testId }: { phone: string; testId?: string }) {
  return (
    <a href={telHref(phone)} data-testid={testId} className="phone-link">
      <PhoneOutlined aria-hidden /> {phone}
    </a>
  );
}
