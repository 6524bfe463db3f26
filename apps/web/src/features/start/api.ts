import { useQuery } from '@tanstack/react-query';
import type { MeBadges, ReporterLookup } from '@weibao/schema';
import { BADGE_CAP } from '@weibao/schema/limits';
import { api } from '../../api/client';

export type { MeBadges, ReporterLookup };

/** The menu badges, refreshed every minute (each role gets only its own counts). */
export function useBadges(enabled = true) {
  return useQuery({
    queryKey: ['me', 'badges'],
    queryFn: ({ signal }) => api<MeBadges>('/me/badges', { signal, silent: true }),
    refetchInterval: 60_000,
    staleTime: 30_000,
    enabled,
  });
}

/** "99+" above the cap, the number otherwise. */
export const badgeText = (n: number) => (n > BADGE_CAP ? `${BADGE_CAP}+` : String(n));

/** Who is calling (intake): asked once the typed number is long enough to be a real one. */
export function useReporterLookup(phone: string) {
  const digits = phone.replace(/\D/g, '');
  return useQuery({
    queryKey: ['intake', 'lookup', phone],
    queryFn: ({ signal }) => api<ReporterLookup>('/intake/lookup', { query: { phone }, signal }),
    enabled: digits.length >= 7 && /^[0-9+\-\s()#*]+$/.test(phone),
    staleTime: 30_000,
  });
}
