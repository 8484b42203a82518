/**
 * A member code as the members table stores it and the actor carries it: 2 to 16
 * upper-case letters and digits, a letter first (whether it exists is the service's question).
 */
export const MEMBER_CODE = /^[A-Z][A-Z0-9]{1,15}$/;
