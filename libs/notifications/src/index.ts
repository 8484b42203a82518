/** Notification entities (issue 4). */
export const NOTIFICATIONS_ENTITIES: Function[] = [];
