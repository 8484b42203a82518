export { InboxPage } from './InboxPage';
export { prefetchInbox } from './queries';
export { unreadOnlyOf } from './notifications';
