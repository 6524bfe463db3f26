/** "YYYY-MM-DD HH:mm" in Beijing time (UTC+8, no DST): the times users read in messages. */
export const beijingDateTime = (ms: number) => {
  const iso = new Date(ms + 8 * 3_600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};
