export { SignInPage } from './SignInPage';
export { AcceptInvitationPage } from './AcceptInvitationPage';
