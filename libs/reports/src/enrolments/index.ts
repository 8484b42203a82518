export * from './enrolment.view';
export * from './enrolment-seats';
export * from './enrolment-deadline';
export * from './enrolments.service';
export * from './enrolment-decisions.service';
export * from './enrolments.module';
