/** The Account page: profile, language, a change of password. */
export { AccountPage } from './AccountPage';
