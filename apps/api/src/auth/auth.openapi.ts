import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  DECORATORS,
  ParameterObject,
} from '@nestjs/swagger';
import { RefreshDto } from './refresh.dto';
import { TokenPairDto } from './token-pair.dto';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './refresh-cookie';

// The OpenAPI text of the sign-in routes, kept apart so that the controller stays short.

const COOKIE = `\`${REFRESH_COOKIE}\``;
const ATTRIBUTES = `HttpOnly; Secure; SameSite=Strict; Path=${REFRESH_COOKIE_PATH}`;

const SETS_COOKIE = {
  'Set-Cookie': {
    description:
      `Only in the cookie form: \`${REFRESH_COOKIE}=<refresh token>; ${ATTRIBUTES}; ` +
      'Max-Age=<REFRESH_TTL_DAYS in seconds>` (no `Secure` where PUBLIC_URL is plain http ' +
      'on a host other than 127.0.0.1, localhost or [::1]).',
    schema: { type: 'string' },
  },
};

/** A cookie parameter: @nestjs/swagger has decorators for path, query and header ones only. */
function ApiCookieParameter(parameter: Omit<ParameterObject, 'in'>): MethodDecorator {
  return (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    const existing =
      (Reflect.getMetadata(DECORATORS.API_PARAMETERS, method) as ParameterObject[] | undefined) ??
      [];
    const parameters = [...existing, { ...parameter, in: 'cookie' }];
    Reflect.defineMetadata(DECORATORS.API_PARAMETERS, parameters, method);
    return descriptor;
  };
}

export function ApiLogin(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Sign in',
      description:
        'Answers an access token (15 minutes) and a refresh token. With `refreshIn: "cookie"` ' +
        `the refresh token is not in the answer but set as the httpOnly cookie ${COOKIE}, ` +
        'for the web portal, whose scripts never see it.',
    }),
    ApiOkResponse({ type: TokenPairDto, headers: SETS_COOKIE }),
    ApiUnauthorizedResponse({ description: 'Unknown e-mail or wrong password (the same answer)' }),
    ApiTooManyRequestsResponse({ description: 'Too many failures for the account or address' }),
  );
}

export function ApiRefresh(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Exchange a refresh token for a new pair',
      description:
        'Two forms. JSON (API clients): `{refreshToken}`; answers a new pair. Cookie (the web ' +
        `portal): no body and no Content-Type (or the JSON \`{}\`), the refresh token taken from ` +
        `the ${COOKIE} cookie; the ` +
        'request must carry the `Origin` of the portal itself (403 otherwise, audited, and the ' +
        'cookie stays unspent), and it answers the access token only, with the next refresh ' +
        'token as the new cookie. Either way the presented token is spent: presenting a spent ' +
        'one is 401 and ends the whole session.',
    }),
    ApiCookieParameter({
      name: REFRESH_COOKIE,
      required: false,
      description: 'Cookie form: the refresh token set by sign-in with `refreshIn: "cookie"`',
      schema: { type: 'string' },
    }),
    ApiHeader({
      name: 'Origin',
      required: false,
      description:
        "Cookie form only: must be the portal's origin (that of PUBLIC_URL, or the API's " +
        'own listening address when PUBLIC_URL is not set). Browsers send it by themselves.',
    }),
    ApiBody({ type: RefreshDto, required: false }),
    ApiOkResponse({ type: TokenPairDto, headers: SETS_COOKIE }),
    ApiUnauthorizedResponse({
      description:
        'No refresh token, or an invalid, expired or spent one (a spent one ends the session; ' +
        'the cookie form also clears the cookie)',
    }),
    ApiForbiddenResponse({ description: "Cookie form without the portal's own Origin" }),
  );
}

export function ApiChangePassword(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Change the own password',
      description:
        "Revokes the user's other sessions. A wrong current password counts as a failed " +
        'sign-in of the account, in the same counter as `POST /auth/login`: after 5 failures ' +
        'within 15 minutes, of either kind, the account is locked for 15 minutes, and this ' +
        'route answers 429 with `Retry-After` too, even with the right current password.',
    }),
    ApiNoContentResponse({ description: 'Changed; the other sessions are revoked' }),
    ApiForbiddenResponse({ description: 'The current password is wrong (audited)' }),
    ApiTooManyRequestsResponse({
      description: 'The account is locked after repeated failures (sign-in or this route)',
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    }),
  );
}

export function ApiLogout(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Sign out',
      description: `Ends the session (its access and refresh tokens fail at once) and clears the ${COOKIE} cookie.`,
    }),
    ApiNoContentResponse({
      description: 'Signed out',
      headers: {
        'Set-Cookie': {
          description: `\`${REFRESH_COOKIE}=; ${ATTRIBUTES}; Max-Age=0\``,
          schema: { type: 'string' },
        },
      },
    }),
  );
}
