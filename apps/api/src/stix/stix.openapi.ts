import { applyDecorators } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
} from '@nestjs/swagger';
import { STIX_MEDIA_TYPE } from './stix-media-type';

// The OpenAPI text of the STIX routes, kept apart so that the controller stays short.

const BUNDLE = {
  type: 'object',
  description:
    'A STIX 2.1 bundle (docs/stix.md): the RILON identity, the TLP 2.0 extension and marking ' +
    'definitions, the RILON extension definition, then per report the team identity, country ' +
    'locations, a note with the body as Markdown and the report.',
  required: ['type', 'id', 'objects'],
  properties: {
    type: { type: 'string', enum: ['bundle'] },
    id: { type: 'string', pattern: '^bundle--[0-9a-f-]{36}$' },
    objects: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
};

const PRODUCES = ApiProduces(STIX_MEDIA_TYPE, 'application/json');

export function ApiReportStix(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'One report as a STIX 2.1 bundle (CLEAR, GREEN, AMBER, AMBER+STRICT)',
      description:
        `Answers \`${STIX_MEDIA_TYPE}\`, or \`application/json\` when that alone is accepted. ` +
        'The same visibility rule as GET /reports/:id; audited as `report.export`. A withdrawn ' +
        'report is exported with `revoked: true`.',
    }),
    PRODUCES,
    ApiOkResponse({ description: 'The bundle', schema: BUNDLE }),
    ApiForbiddenResponse({ description: 'A TLP:RED report: never exported (audited)' }),
    ApiNotFoundResponse({ description: 'No report, or one the caller may not read' }),
    ApiConflictResponse({ description: 'The report is not published (a draft or submitted)' }),
  );
}

export function ApiReportsStix(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'The CLEAR, GREEN and AMBER reports the caller may read, as one STIX 2.1 bundle',
      description:
        'The filters of GET /reports; AMBER+STRICT and RED never leave in bulk. At most `limit` ' +
        '(≤ 200) reports, newest first; a `Link: <…>; rel="next"` header carries the cursor of ' +
        'the next page. Each report exported is audited as `report.export`.',
    }),
    PRODUCES,
    ApiOkResponse({
      description: 'The bundle',
      schema: BUNDLE,
      headers: {
        Link: {
          description:
            'The next page, `</api/v1/reports/stix?…&cursor=…>; rel="next"`, when there is one',
          schema: { type: 'string' },
        },
      },
    }),
  );
}

export function ApiExtensionSchema(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary:
        "The JSON Schema of the RILON STIX property extension (the extension definition's `schema`)",
    }),
    ApiOkResponse({
      description: 'A JSON Schema (2020-12)',
      schema: { type: 'object', additionalProperties: true },
    }),
  );
}
