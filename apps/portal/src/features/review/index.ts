/** The Review queue of leads. */
export { ReviewPage } from './ReviewPage';
