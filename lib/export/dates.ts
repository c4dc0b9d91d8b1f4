/** Local-time date strings used in exported files and their names. */

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local date of `ms` as YYYY-MM-DD. */
export function localIsoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The local date and time of `ms` as YYYY-MM-DD HH:mm. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${localIsoDate(ms)} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
