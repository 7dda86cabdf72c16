/** Money is whole millions in the contract; users read it as "£12m". */
export function formatMoney(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  return `£${amount.toLocaleString('en-GB')}m`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

/** A server timestamp with milliseconds, e.g. "19:04:31.512". */
export function formatServerTime(iso: string | number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return timeFormat.format(date);
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** Countdown text: "1:05" above ten seconds, "9.4" below. */
export function formatCountdown(ms: number): string {
  const clamped = Math.max(0, ms);
  if (clamped < 10_000) return (Math.floor(clamped / 100) / 10).toFixed(1);
  const totalSeconds = Math.ceil(clamped / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${seconds.toString().padStart(2, '0')}`;
}

/** A wait until a start or the next lot: "2 d 3 h", "1:05:03", "4:05" or "9 s". */
export function formatWait(ms: number): string {
  const clamped = Math.max(0, ms);
  const totalSeconds = Math.ceil(clamped / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) {
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    return `${hours}:${minutes.toString().padStart(2, '0')}:${(totalSeconds % 60).toString().padStart(2, '0')}`;
  }
  if (totalSeconds < 60) return `${totalSeconds} s`;
  return `${Math.floor(totalSeconds / 60)}:${(totalSeconds % 60).toString().padStart(2, '0')}`;
}

const pluralRules = new Intl.PluralRules('en-GB');

/** "1 win", "2 wins", "0 wins": the form English's plural rules pick for the count. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${pluralRules.select(count) === 'one' ? one : many}`;
}

/** The value a `datetime-local` input shows for a moment, in the viewer's own time zone (to the minute). */
export function toLocalInputValue(at: Date): string {
  const minute = new Date(at);
  minute.setSeconds(0, 0);
  return new Date(minute.getTime() - minute.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
