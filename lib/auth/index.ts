// The console's identity layer. Request-bound functions (next/headers) live in require-user.ts;
// everything else works on a store handle and can be used from the users CLI and tests.
export { AuthError, authErrorStatus, type AuthErrorCode } from './auth-error';
export { requireUser, requireConsoleRequest, currentUser, currentAddress, createSession, endCurrentSession } from './require-user';
export { roles, parseRole, roleAtLeast, type Role } from './roles';
export { mayChangeHost, type User } from './user';
export { createUser, findUser, listUsers, removeUser, setRole, setHosts, setPassword, upsertSsoUser, UserError } from './users';
export { createToken, userForToken, listTokens, revokeToken, type TokenInfo } from './tokens';
export { generatePassword, passwordProblem } from './password';
export { pageUser } from './page-user';
export { checkSignIn } from './sign-in';
export { forgetInitialPassword } from './first-start';
