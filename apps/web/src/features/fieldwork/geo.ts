import type { GeoPosition } from '../../api/types';

const STORAGE_KEY = 'weibao.geo';

/** Whether the user wants the position recorded (remembered on this device; on by default). */
export function geoPreference(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setGeoPreference(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    /* storage disabled: the switch still applies to this page */
  }
}

/**
 * The browser's position, or undefined when it is unavailable, denied or slow. The Geolocation
 * API's own `timeout` does not count the time a permission prompt stays open, hence the race.
 */
export function currentPosition(timeoutMs = 5000): Promise<GeoPosition | undefined> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracyM: Number.isFinite(p.coords.accuracy) ? Math.min(Math.max(p.coords.accuracy, 0), 100_000) : undefined,
        });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

export const formatPosition = (p: GeoPosition | null | undefined): string | null =>
  p
    ? `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}${p.accuracyM !== undefined ? ` (±${Math.round(p.accuracyM)} m)` : ''}`
    : null;
