/** The Reports area: the list, the report view, and what the Review queue shares with them. */
export { ReportsPage } from './ReportsPage';
export { ReportPage } from './ReportPage';
export { CommentForm } from './CommentForm';
export { RefusalNotice } from './Refusal';
export { Evaluation } from './Evaluation';
export { refusalOf, useReportTransition, type Refusal, type TransitionName } from './transitions';
export { reportKeys, useTeams, PAGE_SIZE, prefetchReport } from './queries';
export type { Report, ReportSummary } from './codes';
export { useReportList } from './queries';
