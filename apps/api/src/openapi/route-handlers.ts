import type { INestApplication, Type } from '@nestjs/common';
import {
  METHOD_METADATA,
  PATH_METADATA,
  RESPONSE_PASSTHROUGH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '@rilon/identity';

/** One argument of a handler as Nest binds it: where from, which key, which pipes. */
export interface HandlerArgument {
  from: RouteParamtypes | 'custom';
  /** The key of `@Query('x')`, `@Param('id')`; undefined for the whole query or body. */
  key: string | undefined;
  /** The declared TypeScript type (a DTO class for `@Body()` and `@Query()`). */
  type: unknown;
  pipes: unknown[];
}

/** A route handler and the operation Swagger makes of it. */
export interface RouteHandler {
  controller: Type;
  method: string;
  /** Swagger's default operation id, `Controller_method`. */
  operationId: string;
  rule: AccessRule | undefined;
  args: HandlerArgument[];
  /**
   * Whether the handler takes the reply over (`@Res()` without passthrough): it then sends
   * only the headers it writes itself (the live stream writes its head on the socket).
   */
  ownsReply: boolean;
}

interface RouteArgMetadata {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

function handlerArguments(controller: Type, method: string): HandlerArgument[] {
  const declared =
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) as
      Record<string, RouteArgMetadata> | undefined) ?? {};
  const types =
    (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) as
      unknown[] | undefined) ?? [];
  return Object.entries(declared).map(([key, arg]) => {
    const from = Number(key.split(':')[0]);
    return {
      from: Number.isInteger(from) ? from : 'custom',
      key: typeof arg.data === 'string' ? arg.data : undefined,
      type: types[arg.index],
      pipes: arg.pipes ?? [],
    };
  });
}

/** Every route handler of the app's controllers, read from their decorators (no instance needed). */
export function routeHandlers(app: INestApplication): RouteHandler[] {
  const scanner = new MetadataScanner();
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) =>
    [...module.controllers.values()].map((wrapper) => wrapper.metatype as Type),
  );
  return controllers.flatMap((controller) => {
    const prototype = controller.prototype as Record<string, Function>;
    return scanner
      .getAllMethodNames(prototype)
      .filter(
        (method) =>
          Reflect.getMetadata(PATH_METADATA, prototype[method]) !== undefined &&
          Reflect.getMetadata(METHOD_METADATA, prototype[method]) !== undefined,
      )
      .map((method) => {
        const args = handlerArguments(controller, method);
        return {
          controller,
          method,
          operationId: `${controller.name}_${method}`,
          rule:
            (Reflect.getMetadata(ACCESS_KEY, prototype[method]) as AccessRule | undefined) ??
            (Reflect.getMetadata(ACCESS_KEY, controller) as AccessRule | undefined),
          args,
          ownsReply:
            args.some((a) => a.from === RouteParamtypes.RESPONSE) &&
            Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, controller, method) !== true,
        };
      });
  });
}
