/** The officer back office: one lazily loaded chunk (React.lazy in app.tsx). */
export { OfficerHomePage } from './officer-home';
export { OfficerLayout } from './officer-layout';
export { OfficerLoginPage } from './officer-login';
