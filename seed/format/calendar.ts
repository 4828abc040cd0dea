// Scenario time is Vietnam wall-clock time. It is kept as "minutes since 1970-01-01 00:00 local" and formatted
// by hand with a fixed +07:00 offset, so the output never depends on the machine's time zone.

const minutesPerDay = 24 * 60;

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function minuteAt(day: number, hour: number, minute: number): number {
  return day * minutesPerDay + hour * 60 + minute;
}

export function formatDateTime(localMinute: number): string {
  return `${new Date(localMinute * 60_000).toISOString().slice(0, 16)}:00+07:00`;
}

/** A birth date such that the person is exactly `age` whole years old on the reference day. */
export function birthDayForAge(referenceDay: number, age: number, daysAfterBirthday: number): number {
  const reference = new Date(referenceDay * 86_400_000);
  const lastBirthday = Date.UTC(reference.getUTCFullYear() - age, reference.getUTCMonth(), reference.getUTCDate());
  return Math.floor(lastBirthday / 86_400_000) - daysAfterBirthday;
}

export function ageOn(referenceDay: number, birthDay: number): number {
  const reference = new Date(referenceDay * 86_400_000);
  const birth = new Date(birthDay * 86_400_000);
  let age = reference.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    reference.getUTCMonth() < birth.getUTCMonth() ||
    (reference.getUTCMonth() === birth.getUTCMonth() && reference.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
