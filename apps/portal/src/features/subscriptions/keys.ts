/** The query key of the caller's rules (under 'me': it ends with the session). */
export const SUBSCRIPTIONS_KEY = ['me', 'subscriptions'] as const;
