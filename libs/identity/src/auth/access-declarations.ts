import { Injectable, OnApplicationBootstrap, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ACCESS_KEY, AccessRule, DENIED_AS_KEY, DeniedAsRule } from './auth.decorators';

type Handler = (...args: unknown[]) => unknown;

/** One route handler of a controller and what it declares (the method's rule over the class's). */
export interface DeclaredHandler {
  /** `Controller.method` */
  name: string;
  /** Nest's RequestMethod number and the method's own path, as declared. */
  method: number;
  path: string | string[];
  rule: AccessRule | undefined;
  deniedAs: DeniedAsRule | undefined;
}

function metadata<T>(key: string, handler: Handler, controller: Type): T | undefined {
  return (
    (Reflect.getMetadata(key, handler) as T | undefined) ??
    (Reflect.getMetadata(key, controller) as T | undefined)
  );
}

/** Every route handler of a controller class, read from the decorators alone. */
export function declaredHandlers(controller: Type): DeclaredHandler[] {
  const prototype = controller.prototype as Record<string, Handler>;
  return new MetadataScanner()
    .getAllMethodNames(prototype)
    .map((name) => ({ name, handler: prototype[name] }))
    .filter(({ handler }) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
    .map(({ name, handler }) => ({
      name: `${controller.name}.${name}`,
      method: Reflect.getMetadata(METHOD_METADATA, handler) as number,
      path: Reflect.getMetadata(PATH_METADATA, handler) as string | string[],
      rule: metadata<AccessRule>(ACCESS_KEY, handler, controller),
      deniedAs: metadata<DeniedAsRule>(DENIED_AS_KEY, handler, controller),
    }));
}

/** What is wrong with the declarations of these handlers; empty when every one is sound. */
export function declarationFaults(handlers: DeclaredHandler[]): string[] {
  return handlers.flatMap((h) => {
    if (!h.rule) return [`${h.name} declares no access rule`];
    if (h.deniedAs && h.rule.kind !== 'roles')
      return [`${h.name} has @DeniedAs without @RequireRoles (nothing would use it)`];
    if (h.rule.kind === 'roles' && h.rule.roles.length === 0)
      return [`${h.name} requires an empty list of roles`];
    return [];
  });
}

/**
 * Fails the start of an app whose router holds a handler without an access rule. The
 * guard refuses such a route at request time as well (deny by default); this makes the
 * omission impossible to ship rather than a 403 someone notices later.
 */
@Injectable()
export class AccessDeclarations implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const handlers = this.discovery
      .getControllers()
      .flatMap((wrapper) => (wrapper.metatype ? declaredHandlers(wrapper.metatype as Type) : []));
    const faults = declarationFaults(handlers);
    if (faults.length > 0)
      throw new Error(
        `Every route must declare who may call it (@Public, @Authenticated or @RequireRoles): ${faults.join('; ')}`,
      );
  }
}
