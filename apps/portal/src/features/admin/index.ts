/** The administrators' screens: users, teams and their members, capitals, members. */
export { AdminPage } from './AdminPage';
