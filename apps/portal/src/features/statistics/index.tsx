/** The Statistics explorer (its chart library loads with this screen alone). */
export { StatisticsPage } from './StatisticsPage';
