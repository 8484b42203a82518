export { NewReportPage } from './NewReportPage';
export { EditReportPage } from './EditReportPage';
