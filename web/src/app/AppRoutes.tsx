import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { FullPageSpin } from './FullPageSpin';
import { Forbidden, NotFound } from './ErrorPages';
import { Shell } from './Shell';
import { useSession } from './session';
import type { Permission } from './types';

// One chunk per screen: the login page does not download the tables and trees.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const TotpEnrolmentPage = lazy(() => import('../features/auth/TotpEnrolmentPage'));
const PasswordChangePage = lazy(() => import('../features/auth/PasswordChangePage'));
const HomePage = lazy(() => import('../features/account/HomePage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const AgenciesPage = lazy(() => import('../features/agencies/AgenciesPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage'));
const PortalLayout = lazy(() => import('../features/portal/PortalLayout'));
const PortalHome = lazy(() => import('../features/portal/PortalHome'));
const ProcedurePage = lazy(() => import('../features/portal/ProcedurePage'));
const LookupPage = lazy(() => import('../features/portal/LookupPage'));
const MyDossiersPage = lazy(() => import('../features/portal/MyDossiersPage'));
const NewDossierPage = lazy(() => import('../features/portal/NewDossierPage'));
const MyDossierPage = lazy(() => import('../features/portal/MyDossierPage'));
const DeskPage = lazy(() => import('../features/desk/DeskPage'));
const DeskDossierPage = lazy(() => import('../features/desk/DeskDossierPage'));
const DeskNewPage = lazy(() => import('../features/desk/DeskNewPage'));
const StatsPage = lazy(() => import('../features/stats/StatsPage'));
const CatalogPage = lazy(() => import('../features/catalog/CatalogPage'));
const ProcedureEditPage = lazy(() => import('../features/catalog/ProcedureEditPage'));
const CatalogSettingsPage = lazy(() => import('../features/catalog/CatalogSettingsPage'));
const VerifyPage = lazy(() => import('../features/verify/VerifyPage'));
const VerifyCodePage = lazy(() => import('../features/verify/VerifyCodePage'));
const PkiPage = lazy(() => import('../features/pki/PkiPage'));
const CertificateDetailPage = lazy(() => import('../features/pki/CertificateDetailPage'));
const MyCertificatesPage = lazy(() => import('../features/pki/MyCertificatesPage'));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage'));
const ComposePage = lazy(() => import('../features/documents/ComposePage'));
const OutgoingPage = lazy(() => import('../features/documents/OutgoingPage'));
const IncomingPage = lazy(() => import('../features/documents/IncomingPage'));
const DocumentSearchPage = lazy(() => import('../features/documents/search/SearchPage'));
const RecordsPage = lazy(() => import('../features/documents/records/RecordsPage'));
const RecordFilePage = lazy(() => import('../features/documents/records/FilePage'));
const DocumentStatsPage = lazy(() => import('../features/documents/stats/DocumentStatsPage'));

/** `orElse`: where to send a user who lacks `permission` but holds that one. */
function Guard({
  permission,
  orElse,
  children,
}: {
  permission: Permission;
  orElse?: { permission: Permission; to: string };
  children: ReactNode;
}) {
  const { can } = useSession();
  if (can(permission)) return children;
  return orElse && can(orElse.permission) ? <Navigate to={orElse.to} replace /> : <Forbidden />;
}

/** Signed in on the login page: go where the user was heading (set by the redirect to it). */
function AfterLogin() {
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  const to =
    typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
  return <Navigate to={to} replace />;
}

/** The citizen portal's account pages need a signed-in user (any kind). */
function RequireLogin({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <FullPageSpin />;
  if (me === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}

/**
 * Two apps in one: the public citizen portal (/portal, /tra-cuu — open to anyone, its own
 * layout) and the signed-in workspace of officials (everything else).
 */
export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route element={<PortalLayout />}>
          <Route path="portal" element={<PortalHome />} />
          <Route path="portal/procedures/:code" element={<ProcedurePage />} />
          <Route path="tra-cuu" element={<LookupPage />} />
          <Route path="verify" element={<VerifyPage />} />
          <Route path="verify/:code" element={<VerifyCodePage />} />
          <Route
            path="portal/dossiers"
            element={
              <RequireLogin>
                <MyDossiersPage />
              </RequireLogin>
            }
          />
          <Route
            path="portal/dossiers/new"
            element={
              <RequireLogin>
                <NewDossierPage />
              </RequireLogin>
            }
          />
          <Route
            path="portal/dossiers/:id"
            element={
              <RequireLogin>
                <MyDossierPage />
              </RequireLogin>
            }
          />
        </Route>
        <Route path="*" element={<Workspace />} />
      </Routes>
    </Suspense>
  );
}

function Workspace() {
  const { me } = useSession();
  const location = useLocation();

  if (me === undefined) return <FullPageSpin />;

  if (me === null) {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="*"
            element={
              <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
            }
          />
        </Routes>
      </Suspense>
    );
  }

  // An administrator without a second factor may do nothing else until it is enrolled.
  if (me.mfaEnrollmentRequired) {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <TotpEnrolmentPage />
      </Suspense>
    );
  }

  // A password an administrator set is changed before anything else (the server insists too).
  if (me.mustChangePassword) {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <PasswordChangePage />
      </Suspense>
    );
  }

  const isCitizen = me.kind === 'citizen';
  return (
    <Routes>
      <Route path="/login" element={<AfterLogin />} />
      <Route element={<Shell />}>
        <Route
          index
          element={isCitizen ? <Navigate to="/portal/dossiers" replace /> : <HomePage />}
        />
        <Route path="account" element={<AccountPage />} />
        <Route
          path="agencies"
          element={
            <Guard permission="agency.read">
              <AgenciesPage />
            </Guard>
          }
        />
        <Route
          path="users"
          element={
            <Guard permission="identity.user.read">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="users/:id"
          element={
            <Guard permission="identity.user.read">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="audit"
          element={
            <Guard permission="audit.read">
              <AuditPage />
            </Guard>
          }
        />
        <Route
          path="calendar"
          element={
            <Guard permission="calendar.read">
              <CalendarPage />
            </Guard>
          }
        />
        <Route
          path="desk"
          element={
            <Guard permission="dossier.read">
              <DeskPage />
            </Guard>
          }
        />
        <Route
          path="desk/new"
          element={
            <Guard permission="dossier.receive">
              <DeskNewPage />
            </Guard>
          }
        />
        <Route
          path="desk/dossiers/:id"
          element={
            <Guard permission="dossier.read">
              <DeskDossierPage />
            </Guard>
          }
        />
        <Route
          path="stats"
          element={
            <Guard permission="dossier.stats">
              <StatsPage />
            </Guard>
          }
        />
        <Route
          path="catalog"
          element={
            <Guard permission="catalog.manage">
              <CatalogPage />
            </Guard>
          }
        />
        <Route
          path="catalog/settings"
          element={
            <Guard permission="catalog.manage">
              <CatalogSettingsPage />
            </Guard>
          }
        />
        <Route
          path="catalog/:id"
          element={
            <Guard permission="catalog.manage">
              <ProcedureEditPage />
            </Guard>
          }
        />
        <Route
          path="documents"
          element={
            <Guard
              permission="document.read"
              orElse={{ permission: 'document.stats', to: '/documents/stats' }}
            >
              <DocumentsPage />
            </Guard>
          }
        />
        <Route
          path="documents/stats"
          element={
            <Guard permission="document.stats">
              <DocumentStatsPage />
            </Guard>
          }
        />
        <Route
          path="documents/search"
          element={
            <Guard permission="document.read">
              <DocumentSearchPage />
            </Guard>
          }
        />
        <Route
          path="documents/records"
          element={
            <Guard permission="document.read">
              <RecordsPage />
            </Guard>
          }
        />
        <Route
          path="documents/records/files/:id"
          element={
            <Guard permission="document.read">
              <RecordFilePage />
            </Guard>
          }
        />
        <Route
          path="documents/new"
          element={
            <Guard permission="document.draft">
              <ComposePage />
            </Guard>
          }
        />
        <Route
          path="documents/outgoing/:id/compose"
          element={
            <Guard permission="document.draft">
              <ComposePage />
            </Guard>
          }
        />
        <Route
          path="documents/outgoing/:id"
          element={
            <Guard permission="document.read">
              <OutgoingPage />
            </Guard>
          }
        />
        <Route
          path="documents/incoming/:id"
          element={
            <Guard permission="document.read">
              <IncomingPage />
            </Guard>
          }
        />
        <Route
          path="pki"
          element={
            <Guard permission="pki.read">
              <PkiPage />
            </Guard>
          }
        />
        <Route
          path="pki/certificates/:id"
          element={
            <Guard permission="pki.read">
              <CertificateDetailPage />
            </Guard>
          }
        />
        <Route path="my-certificates" element={<MyCertificatesPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
