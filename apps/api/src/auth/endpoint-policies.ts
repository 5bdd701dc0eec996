import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { type EndpointPolicy, POLICY_METADATA } from './policy.decorators.js';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const RESOLVE_PROPERTY = 'graphql:resolve_property';

/** `Query.users`, `Mutation.login`, `User.tokens` (field resolver), `GET /health` → declared policy. */
export type EndpointPolicies = Record<string, string>;

function describePolicy(policy: EndpointPolicy | undefined): string {
  if (!policy) return 'NONE (denied)';
  return policy.kind === 'policy' ? `${policy.action} ${policy.subject}` : policy.kind;
}

/** The object type a field resolver belongs to: `@Resolver(() => Model)` or `@Resolver('Name')`. */
function parentTypeName(classType: { name: string }): string {
  const declared = Reflect.getMetadata(RESOLVER_TYPE, classType) as (() => { name: string }) | string | undefined;
  if (typeof declared === 'function') return declared().name;
  return typeof declared === 'string' ? declared : classType.name;
}

function joinPath(...parts: (string | undefined)[]): string {
  const path = parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .join('/');
  return `/${path}`;
}

/**
 * Every GraphQL query, mutation and field resolver, and every HTTP route of the booted application,
 * with the policy it declares (what the global PolicyGuard enforces). Compared with a committed
 * snapshot by endpoint-policies.int-spec.ts, so no endpoint appears unreviewed.
 */
export function listEndpointPolicies(app: INestApplication): EndpointPolicies {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const result: EndpointPolicies = {};

  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    const classType = instance.constructor;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
      const type = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
      const isField = Reflect.getMetadata(RESOLVE_PROPERTY, handler) === true;
      if (!type && !isField) continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
      const parent = isField ? parentTypeName(classType) : type!;
      const policy = reflector.getAllAndOverride<EndpointPolicy | undefined>(POLICY_METADATA, [handler, classType]);
      result[`${parent}.${name}`] = describePolicy(policy);
    }
  }

  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    const classType = instance.constructor;
    const base = Reflect.getMetadata(PATH_METADATA, classType) as string | undefined;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (path === undefined) continue;
      const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const policy = reflector.getAllAndOverride<EndpointPolicy | undefined>(POLICY_METADATA, [handler, classType]);
      for (const each of Array.isArray(path) ? path : [path]) {
        result[`${verb} ${joinPath(base, each)}`] = describePolicy(policy);
      }
    }
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
