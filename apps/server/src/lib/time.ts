/** Times shown to users are Beijing time (UTC+8, no daylight saving), whatever the server's zone. */
const CST = 8 * 3_600_000;

/** "YYYY-MM-DD HH:mm" in Beijing time; callers add the 北京时间 / Beijing time marker in the user's language. */
export const beijingDateTime = (ms: number) => {
  const iso = new Date(ms + CST).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};
