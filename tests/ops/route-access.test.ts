import { Controller, Get, INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, Public, RequireRoles } from '@rilon/identity';
import { startApi, TestApi } from '../support/harness';

type Handler = (...args: unknown[]) => unknown;

interface RouteAccess {
  route: string;
  rule: unknown;
}

/** Every route handler of a controller class, with the access rule it (or its class) declares. */
function routesOf(controller: new (...args: never[]) => unknown): RouteAccess[] {
  const prototype = controller.prototype as Record<string, Handler>;
  return new MetadataScanner()
    .getAllMethodNames(prototype)
    .map((name) => ({ name, handler: prototype[name] }))
    .filter(({ handler }) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
    .map(({ name, handler }) => ({
      route: `${controller.name}.${name} (${String(Reflect.getMetadata(METHOD_METADATA, handler))} ${String(
        Reflect.getMetadata(PATH_METADATA, handler),
      )})`,
      rule:
        (Reflect.getMetadata(ACCESS_KEY, handler) as unknown) ??
        (Reflect.getMetadata(ACCESS_KEY, controller) as unknown),
    }));
}

function allRoutes(app: INestApplication): RouteAccess[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  return discovery
    .getControllers()
    .flatMap((wrapper) =>
      wrapper.metatype ? routesOf(wrapper.metatype as new () => unknown) : [],
    );
}

@Controller('probe')
class UndeclaredController {
  @Get('open')
  @Public()
  open(): void {}

  @Get('forgotten')
  forgotten(): void {}
}

@Controller('probe2')
@RequireRoles('admin')
class ClassLevelController {
  @Get()
  list(): void {}
}

/** Deny by default is enforced at run time; this makes a forgotten declaration fail CI. */
describe('every route declares who may call it', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  }, 60000);
  afterAll(() => api.close());

  it('finds a missing declaration, and accepts one on the class', () => {
    expect(
      routesOf(UndeclaredController)
        .filter((r) => !r.rule)
        .map((r) => r.route),
    ).toEqual(['UndeclaredController.forgotten (0 forgotten)']);
    expect(routesOf(ClassLevelController)[0].rule).toEqual({ kind: 'roles', roles: ['admin'] });
  });

  it('has @Public, @Authenticated or @RequireRoles on every registered handler', () => {
    const routes = allRoutes(api.app);
    expect(routes.length).toBeGreaterThan(8);
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('AuthController.login'),
        expect.stringContaining('AuditController.verify'),
        expect.stringContaining('HealthController.ready'),
        expect.stringContaining('PeopleController.find (0 /)'),
      ]),
    );
    expect(routes.filter((r) => !r.rule).map((r) => r.route)).toEqual([]);
  });

  it('keeps the public routes to the few the contract names', () => {
    const open = allRoutes(api.app)
      .filter((r) => (r.rule as { kind?: string }).kind === 'public')
      .map((r) => r.route.split(' ')[0]);
    const allowed =
      /^(AuthController\.(login|refresh)|StixController\.extensionSchema|\w*Invitations?\w*Controller\.accept\w*|HealthController\.\w+|MetricsController\.scrape)$/;
    expect(open.filter((name) => !allowed.test(name))).toEqual([]);
  });
});
