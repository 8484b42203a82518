import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AcceptInvitationPage, SignInPage } from '../features/auth';
import { InboxPage } from '../features/inbox';
import { NotFoundPage } from '../features/not-found';
import { useTranslation } from '../lib/i18n/i18n';
import { RequireAbility, RequireSession } from './guards';
import { chunks } from './pages';
import { Shell } from './Shell';

// The first page (sign-in, then the inbox) is in the entry chunk; the rest loads when opened.
const ReportsPage = lazy(() => chunks.reports().then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => chunks.reports().then((m) => ({ default: m.ReportPage })));
const NewReportPage = lazy(() => chunks.reportForms().then((m) => ({ default: m.NewReportPage })));
const EditReportPage = lazy(() =>
  chunks.reportForms().then((m) => ({ default: m.EditReportPage })),
);
const StatisticsPage = lazy(() => chunks.statistics().then((m) => ({ default: m.StatisticsPage })));
const TrainingPage = lazy(() => chunks.training().then((m) => ({ default: m.TrainingPage })));
const SubscriptionsPage = lazy(() =>
  chunks.subscriptions().then((m) => ({ default: m.SubscriptionsPage })),
);
const AuditPage = lazy(() => chunks.audit().then((m) => ({ default: m.AuditPage })));
const AccountPage = lazy(() => chunks.account().then((m) => ({ default: m.AccountPage })));
const ReviewPage = lazy(() => chunks.review().then((m) => ({ default: m.ReviewPage })));
const TeamPage = lazy(() => chunks.team().then((m) => ({ default: m.TeamPage })));
const AdminPage = lazy(() => chunks.admin().then((m) => ({ default: m.AdminPage })));

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

function SignedIn({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <Shell>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </Shell>
    </RequireSession>
  );
}

function Public({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">
            <span className="brand-name">RILON</span>
            <span className="brand-tagline">{t('appTagline')}</span>
          </p>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page-narrow">
        {children}
      </main>
    </>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/" element={<Navigate to="/inbox" replace />} />
        <Route
          path="/sign-in"
          element={
            <Public>
              <SignInPage />
            </Public>
          }
        />
        <Route
          path="/inbox"
          element={
            <SignedIn>
              <InboxPage />
            </SignedIn>
          }
        />
        <Route
          path="/reports"
          element={
            <SignedIn>
              <ReportsPage />
            </SignedIn>
          }
        />
        <Route
          path="/reports/new"
          element={
            <SignedIn>
              <NewReportPage />
            </SignedIn>
          }
        />
        <Route
          path="/reports/:id"
          element={
            <SignedIn>
              <ReportPage />
            </SignedIn>
          }
        />
        <Route
          path="/reports/:id/edit"
          element={
            <SignedIn>
              <EditReportPage />
            </SignedIn>
          }
        />
        <Route
          path="/review"
          element={
            <SignedIn>
              <RequireAbility allow={(a) => a.isLead}>
                <ReviewPage />
              </RequireAbility>
            </SignedIn>
          }
        />
        <Route
          path="/statistics"
          element={
            <SignedIn>
              <StatisticsPage />
            </SignedIn>
          }
        />
        <Route
          path="/training"
          element={
            <SignedIn>
              <TrainingPage />
            </SignedIn>
          }
        />
        <Route
          path="/subscriptions"
          element={
            <SignedIn>
              <SubscriptionsPage />
            </SignedIn>
          }
        />
        <Route
          path="/account"
          element={
            <SignedIn>
              <AccountPage />
            </SignedIn>
          }
        />
        <Route
          path="/team"
          element={
            <SignedIn>
              <RequireAbility allow={(a) => a.isLead}>
                <TeamPage />
              </RequireAbility>
            </SignedIn>
          }
        />
        <Route
          path="/administration"
          element={
            <SignedIn>
              <RequireAbility allow={(a) => a.isAdmin}>
                <AdminPage />
              </RequireAbility>
            </SignedIn>
          }
        />
        <Route
          path="/audit"
          element={
            <SignedIn>
              <RequireAbility allow={(a) => a.isAdmin || a.isAuditor}>
                <AuditPage />
              </RequireAbility>
            </SignedIn>
          }
        />
        <Route
          path="/invitations/accept"
          element={
            <Public>
              <Suspense fallback={<Loading />}>
                <AcceptInvitationPage />
              </Suspense>
            </Public>
          }
        />
        <Route
          path="*"
          element={
            <SignedIn>
              <NotFoundPage />
            </SignedIn>
          }
        />
      </Routes>
    </BrowserRouter>
  );
}
