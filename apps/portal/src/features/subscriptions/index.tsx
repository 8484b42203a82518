/** Subscriptions: which reports notify the user, and by which channel. */
export { SubscriptionsPage } from './SubscriptionsPage';
