import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider, useRouteError } from 'react-router';
import { Loading } from './components/loading';
import { ResidentLayout } from './components/resident-layout';
import { i18n } from './i18n';
import { queryClient } from './lib/query-client';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { UnitDetailPage } from './pages/unit-detail-page';
import { UnitsPage } from './pages/units-page';

// The officer back office is a separate chunk: residents on phones never download it.
const officer = () => import('./features/officer');
const OfficerLayout = lazy(() => officer().then((m) => ({ default: m.OfficerLayout })));
const OfficerHomePage = lazy(() => officer().then((m) => ({ default: m.OfficerHomePage })));
const OfficerLoginPage = lazy(() => officer().then((m) => ({ default: m.OfficerLoginPage })));
// Administration of the national-portal sync feed: its own chunk, for province administrators.
const SyncAdminPage = lazy(() =>
  import('./features/sync-admin').then((m) => ({ default: m.SyncAdminPage })),
);
// One-stop processing (queues, intake, dossier workspace): its own chunk inside the back office.
const processing = () => import('./features/processing');
const WorkQueuePage = lazy(() => processing().then((m) => ({ default: m.WorkQueuePage })));
const WorkspacePage = lazy(() => processing().then((m) => ({ default: m.WorkspacePage })));
const ReceptionPage = lazy(() => processing().then((m) => ({ default: m.ReceptionPage })));
const IntakePage = lazy(() => processing().then((m) => ({ default: m.IntakePage })));
// Officers' community feedback (inbox, triage, report workspace, administration): its own chunk.
const feedbackOfficer = () => import('./features/feedback-officer');
const FeedbackInboxPage = lazy(() =>
  feedbackOfficer().then((m) => ({ default: m.FeedbackInboxPage })),
);
const FeedbackTriagePage = lazy(() =>
  feedbackOfficer().then((m) => ({ default: m.FeedbackTriagePage })),
);
const FeedbackReportPage = lazy(() =>
  feedbackOfficer().then((m) => ({ default: m.FeedbackReportPage })),
);
const FeedbackAdminPage = lazy(() =>
  feedbackOfficer().then((m) => ({ default: m.FeedbackAdminPage })),
);
const tasks = () => import('./features/tasks');
const TasksPage = lazy(() => tasks().then((m) => ({ default: m.TasksPage })));
const AssignTaskPage = lazy(() => tasks().then((m) => ({ default: m.AssignTaskPage })));
const TaskPage = lazy(() => tasks().then((m) => ({ default: m.TaskPage })));
// Assisted submission by community digital team members: its own chunk (reuses the form fields).
const assisted = () => import('./features/assisted');
const AssistedListPage = lazy(() => assisted().then((m) => ({ default: m.AssistedListPage })));
const AssistedStartPage = lazy(() => assisted().then((m) => ({ default: m.AssistedStartPage })));
const AssistedFlowPage = lazy(() => assisted().then((m) => ({ default: m.AssistedFlowPage })));
// The leaders' operations dashboard (map, drill-downs, steering, glossary): its own chunk.
const dashboard = () => import('./features/dashboard');
const DashboardLayout = lazy(() => dashboard().then((m) => ({ default: m.DashboardLayout })));
const DashboardOverviewPage = lazy(() => dashboard().then((m) => ({ default: m.OverviewPage })));
const DashboardUnitPage = lazy(() => dashboard().then((m) => ({ default: m.UnitPage })));
const DashboardDrillPage = lazy(() => dashboard().then((m) => ({ default: m.DrillPage })));
const DashboardFeedbackDrillPage = lazy(() =>
  dashboard().then((m) => ({ default: m.FeedbackDrillPage })),
);
const DashboardSteeringPage = lazy(() => dashboard().then((m) => ({ default: m.SteeringPage })));
const DashboardGlossaryPage = lazy(() => dashboard().then((m) => ({ default: m.GlossaryPage })));
// Commune showcase ("Mỗi xã một KOL"): the public pages are one small chunk; the officers'
// editor is another (it renders its preview with the public page's component).
const showcase = () => import('./features/showcase');
const ShowcasePage = lazy(() => showcase().then((m) => ({ default: m.ShowcasePage })));
const ShowcaseListPage = lazy(() => showcase().then((m) => ({ default: m.ShowcaseListPage })));
const ShowcaseEditorPage = lazy(() =>
  import('./features/showcase/editor').then((m) => ({ default: m.ShowcaseEditorPage })),
);
// Community digital teams registry for officers (teams, members, activities, import, indicators).
const teamsRegistry = () => import('./features/teams-registry');
const TeamsPage = lazy(() => teamsRegistry().then((m) => ({ default: m.TeamsPage })));
const TeamPage = lazy(() => teamsRegistry().then((m) => ({ default: m.TeamPage })));
const TeamsImportPage = lazy(() => teamsRegistry().then((m) => ({ default: m.ImportPage })));
const TeamsIndicatorsPage = lazy(() =>
  teamsRegistry().then((m) => ({ default: m.IndicatorsPage })),
);
const LogActivityPage = lazy(() => teamsRegistry().then((m) => ({ default: m.LogActivityPage })));
// Procedure pages are their own chunk (with their CSS): the home page stays small on slow phones.
const ProcedureSearchPage = lazy(() =>
  import('./pages/procedure-search-page').then((m) => ({ default: m.ProcedureSearchPage })),
);
const ProcedurePage = lazy(() =>
  import('./pages/procedure-page').then((m) => ({ default: m.ProcedurePage })),
);
// Online submission (forms, uploads, fee, review): its own chunk with the shared form validator.
const submit = () => import('./features/submit');
const SubmitStartPage = lazy(() => submit().then((m) => ({ default: m.SubmitStartPage })));
const DraftPage = lazy(() => submit().then((m) => ({ default: m.DraftPage })));
// Dossier tracking and "my dossiers": one chunk, fetched only when a resident opens them.
const dossiers = () => import('./features/dossiers');
const TrackingPage = lazy(() => dossiers().then((m) => ({ default: m.TrackingPage })));
const MyDossiersPage = lazy(() => dossiers().then((m) => ({ default: m.MyDossiersPage })));
const DossierDetailPage = lazy(() => dossiers().then((m) => ({ default: m.DossierDetailPage })));
// Report a problem (intake with the commune map) and "my reports": one chunk, on demand.
const feedbackResident = () => import('./features/feedback');
const ReportIntakePage = lazy(() =>
  feedbackResident().then((m) => ({ default: m.ReportIntakePage })),
);
const MyReportsPage = lazy(() => feedbackResident().then((m) => ({ default: m.MyReportsPage })));
// Public community feedback (list and map, a report with its answer, statistics): one chunk.
const feedbackPublic = () => import('./features/feedback-public');
const ReportsListPage = lazy(() => feedbackPublic().then((m) => ({ default: m.ReportsListPage })));
const ReportDetailPage = lazy(() =>
  feedbackPublic().then((m) => ({ default: m.ReportDetailPage })),
);
const FeedbackStatsPage = lazy(() => feedbackPublic().then((m) => ({ default: m.StatsPage })));
// The assistant's full page; the panel over every page shares this chunk (features/assistant).
const AssistantPage = lazy(() =>
  import('./features/assistant').then((m) => ({ default: m.AssistantPage })),
);
// Result verification (opened from the QR code on a result): a small chunk of its own.
const VerifyResultPage = lazy(() =>
  import('./features/results').then((m) => ({ default: m.VerifyResultPage })),
);

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="container main">
          <Loading />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  console.error(error);
  return (
    <main className="container main crash" role="alert">
      <h1>{t('errors.heading')}</h1>
      <p>{t('errors.appCrashed')}</p>
      <p>
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </main>
  );
}

const router = createBrowserRouter([
  {
    element: <ResidentLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'xa-phuong', element: <UnitsPage /> },
      { path: 'xa-phuong/:code', element: <UnitDetailPage /> },
      {
        path: 'xa-phuong/:code/gioi-thieu',
        element: (
          <Lazy>
            <ShowcasePage />
          </Lazy>
        ),
      },
      {
        path: 'mot-xa-mot-kol',
        element: (
          <Lazy>
            <ShowcaseListPage />
          </Lazy>
        ),
      },
      {
        path: 'thu-tuc',
        element: (
          <Lazy>
            <ProcedureSearchPage />
          </Lazy>
        ),
      },
      {
        path: 'thu-tuc/:code',
        element: (
          <Lazy>
            <ProcedurePage />
          </Lazy>
        ),
      },
      {
        path: 'nop-ho-so/:code',
        element: (
          <Lazy>
            <SubmitStartPage />
          </Lazy>
        ),
      },
      {
        path: 'nop-ho-so/ho-so/:draftId/:step?',
        element: (
          <Lazy>
            <DraftPage />
          </Lazy>
        ),
      },
      {
        path: 'tro-ly',
        element: (
          <Lazy>
            <AssistantPage />
          </Lazy>
        ),
      },
      {
        path: 'tra-cuu-ho-so',
        element: (
          <Lazy>
            <TrackingPage />
          </Lazy>
        ),
      },
      {
        path: 'xac-minh/:id?',
        element: (
          <Lazy>
            <VerifyResultPage />
          </Lazy>
        ),
      },
      {
        path: 'ho-so-cua-toi',
        element: (
          <Lazy>
            <MyDossiersPage />
          </Lazy>
        ),
      },
      {
        path: 'ho-so-cua-toi/:id',
        element: (
          <Lazy>
            <DossierDetailPage />
          </Lazy>
        ),
      },
      // Literal paths (gui, cua-toi, thong-ke) outrank ':ref' in react-router's ranking.
      {
        path: 'phan-anh',
        element: (
          <Lazy>
            <ReportsListPage />
          </Lazy>
        ),
      },
      {
        path: 'phan-anh/thong-ke',
        element: (
          <Lazy>
            <FeedbackStatsPage />
          </Lazy>
        ),
      },
      {
        path: 'phan-anh/:ref',
        element: (
          <Lazy>
            <ReportDetailPage />
          </Lazy>
        ),
      },
      {
        path: 'phan-anh/gui/:step?',
        element: (
          <Lazy>
            <ReportIntakePage />
          </Lazy>
        ),
      },
      {
        path: 'phan-anh/cua-toi',
        element: (
          <Lazy>
            <MyReportsPage />
          </Lazy>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: 'can-bo',
    errorElement: <RouteError />,
    children: [
      {
        path: 'dang-nhap',
        element: (
          <Lazy>
            <OfficerLoginPage />
          </Lazy>
        ),
      },
      {
        element: (
          <Lazy>
            <OfficerLayout />
          </Lazy>
        ),
        children: [
          { index: true, element: <OfficerHomePage /> },
          {
            path: 'quan-tri/dong-bo',
            element: (
              <Lazy>
                <SyncAdminPage />
              </Lazy>
            ),
          },
          {
            path: 'ho-so',
            element: (
              <Lazy>
                <WorkQueuePage />
              </Lazy>
            ),
          },
          {
            path: 'ho-so/:id',
            element: (
              <Lazy>
                <WorkspacePage />
              </Lazy>
            ),
          },
          {
            path: 'tiep-nhan',
            element: (
              <Lazy>
                <ReceptionPage />
              </Lazy>
            ),
          },
          {
            path: 'tiep-nhan/truc-tiep',
            element: (
              <Lazy>
                <IntakePage />
              </Lazy>
            ),
          },
          // Literal 'phan-loai' outranks ':id' in react-router's ranking.
          {
            path: 'phan-anh',
            element: (
              <Lazy>
                <FeedbackInboxPage />
              </Lazy>
            ),
          },
          {
            path: 'phan-anh/phan-loai',
            element: (
              <Lazy>
                <FeedbackTriagePage />
              </Lazy>
            ),
          },
          {
            path: 'phan-anh/:id',
            element: (
              <Lazy>
                <FeedbackReportPage />
              </Lazy>
            ),
          },
          // Literal 'giao-moi' outranks ':id' as well.
          {
            path: 'nhiem-vu',
            element: (
              <Lazy>
                <TasksPage />
              </Lazy>
            ),
          },
          {
            path: 'nhiem-vu/giao-moi',
            element: (
              <Lazy>
                <AssignTaskPage />
              </Lazy>
            ),
          },
          {
            path: 'nhiem-vu/:id',
            element: (
              <Lazy>
                <TaskPage />
              </Lazy>
            ),
          },
          // Literal 'moi' outranks ':id'.
          {
            path: 'to-cong-nghe/ho-tro',
            element: (
              <Lazy>
                <AssistedListPage />
              </Lazy>
            ),
          },
          {
            path: 'to-cong-nghe/ho-tro/moi',
            element: (
              <Lazy>
                <AssistedStartPage />
              </Lazy>
            ),
          },
          {
            path: 'to-cong-nghe/ho-tro/:id/:step?',
            element: (
              <Lazy>
                <AssistedFlowPage />
              </Lazy>
            ),
          },
          {
            path: 'dieu-hanh',
            element: (
              <Lazy>
                <DashboardLayout />
              </Lazy>
            ),
            // The layout's Suspense covers its pages (same chunk).
            children: [
              { index: true, element: <DashboardOverviewPage /> },
              { path: 'don-vi/:code', element: <DashboardUnitPage /> },
              { path: 'don-vi/:code/chi-tieu/:component', element: <DashboardDrillPage /> },
              { path: 'don-vi/:code/phan-anh', element: <DashboardFeedbackDrillPage /> },
              { path: 'nhiem-vu', element: <DashboardSteeringPage /> },
              { path: 'thuat-ngu', element: <DashboardGlossaryPage /> },
            ],
          },
          // Teams registry: literal paths (nhap, chi-so, hoat-dong, ho-tro) outrank ':id'.
          {
            path: 'to-cong-nghe',
            element: (
              <Lazy>
                <TeamsPage />
              </Lazy>
            ),
          },
          {
            path: 'to-cong-nghe/nhap',
            element: (
              <Lazy>
                <TeamsImportPage />
              </Lazy>
            ),
          },
          {
            path: 'to-cong-nghe/chi-so',
            element: (
              <Lazy>
                <TeamsIndicatorsPage />
              </Lazy>
            ),
          },
          {
            path: 'to-cong-nghe/hoat-dong/moi',
            element: (
              <Lazy>
                <LogActivityPage />
              </Lazy>
            ),
          },
          {
            path: 'to-cong-nghe/:id',
            element: (
              <Lazy>
                <TeamPage />
              </Lazy>
            ),
          },
          {
            path: 'gioi-thieu-xa',
            element: (
              <Lazy>
                <ShowcaseEditorPage />
              </Lazy>
            ),
          },
          {
            path: 'quan-tri/phan-anh',
            element: (
              <Lazy>
                <FeedbackAdminPage />
              </Lazy>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
