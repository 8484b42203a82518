/** Training offers: requests for seats, and the offering team's decisions. */
export { TrainingPage } from './TrainingPage';
