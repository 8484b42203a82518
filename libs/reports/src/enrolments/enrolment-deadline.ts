const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the application deadline (`YYYY-MM-DD`) has passed at `now`: an offer takes
 * requests until the end of its deadline day in UTC. A missing or malformed deadline counts
 * as passed, so a damaged offer never takes requests.
 */
export function deadlinePassed(deadline: string | null, now: Date): boolean {
  const match = deadline ? DATE.exec(deadline) : null;
  if (!match) return true;
  const endOfDay = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + DAY_MS;
  return now.getTime() >= endOfDay;
}
