export { SignInPage } from './SignInPage';
export { AcceptInvitationPage } from './AcceptInvitationPage';
// The new-password fields and their checks, for the Account page's change of password.
export { NewPasswordFields } from './NewPasswordFields';
export { checkNewPassword, type PasswordProblem } from './password-strength';
