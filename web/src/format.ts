// How figures read on the pages.
import type { PersonRef } from './api/client';

export const year = (date: string | null | undefined) => (date ? date.slice(0, 4) : '');

export function longDate(date: string | null | undefined): string {
  if (!date) return 'Unknown';
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

export function money(amount: number | null | undefined): string {
  if (amount == null) return 'Unknown';
  return new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(amount);
}

/** "7.2 / 10 (11,800 votes)"; no votes: "Not rated". */
export function rating(average: number | null | undefined, votes: number | null | undefined): string {
  if (average == null || !votes) return 'Not rated';
  return `${average.toFixed(1)} / 10 (${new Intl.NumberFormat('en').format(votes)} ${votes === 1 ? 'vote' : 'votes'})`;
}

export function runtime(minutes: number | null | undefined): string {
  if (minutes == null) return 'Unknown';
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

export const fullName = (person: Pick<PersonRef, 'firstName' | 'lastName'>) => `${person.firstName} ${person.lastName}`.trim();
