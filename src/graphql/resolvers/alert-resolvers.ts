import { filter, pipe } from 'graphql-yoga';
import type { AlertRecord, AlertStatus } from '../../alerts/alert-records.ts';
import { namedIds, renderSummary } from '../../alerts/render-summary.ts';
import type { Role } from '../../auth/roles.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { connection, pageArgs } from '../pagination.ts';
import { requestLoader } from '../batch-loader.ts';
import { disclosedInOrder, type Disclosed } from '../disclosed-in-order.ts';
import type { EntityRecord } from '../../entities/entity-records.ts';

/** The contract: these roles' subscribers get alerts of any rule; others only about what they watch. */
const SEE_EVERY_RULE: readonly Role[] = ['analyst', 'supervisor', 'admin'];

function reachesSubscriber(alert: AlertRecord, ctx: GraphQLContext, rules: readonly string[] | null): boolean {
  if (rules && !rules.includes(alert.rule)) return false;
  return (
    ctx.principal.roles.some((role) => SEE_EVERY_RULE.includes(role)) || alert.watchers.includes(ctx.principal.sub)
  );
}

/** The entities of `ids` this request may see, through one batch for the whole request. */
async function entitiesOf(ctx: GraphQLContext, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  const load = requestLoader(ctx, 'entities', (keys: readonly string[]) => ctx.services.entities.byIds(keys));
  const found = await Promise.all(ids.map(async (id) => [id, await load(id)] as const));
  return new Map(found.flatMap(([id, entity]) => (entity ? [[id, entity] as const] : [])));
}

export const alertResolvers: Resolvers = {
  Query: {
    alerts: async (_, { status, rules, first, after }, ctx) => {
      const page = pageArgs(first, after);
      const { alerts, total } = await ctx.services.alerts.list({
        statuses: (status as AlertStatus[] | null | undefined) ?? null,
        rules: rules ?? null,
        ...page,
      });
      return connection(alerts, page.skip, total);
    },
    alert: async (_, { id }, ctx) => (await ctx.services.alerts.byId(id)) ?? null,
    watches: (_, __, ctx) => ctx.services.alerts.watches(ctx.principal.sub),
    webhooks: (_, __, ctx) => ctx.services.webhooks.list(),
    webhookDeadLetters: (_, { first }, ctx) => ctx.services.webhooks.deadLetters(Math.min(Math.max(first, 0), 500)),
  },
  Mutation: {
    watch: (_, { input }, ctx) =>
      ctx.services.alerts.watch(
        ctx.principal.sub,
        { entityId: input.entityId ?? null, ringId: input.ringId ?? null, note: input.note ?? null },
        async ({ entityId, ringId }) =>
          entityId
            ? (await ctx.services.entities.byId(entityId)) !== undefined
            : ctx.services.alerts.ringExists(ringId!),
      ),
    unwatch: (_, { id }, ctx) => ctx.services.alerts.unwatch(ctx.principal.sub, id),
    updateAlert: (_, { id, status, assignee, disposition }, ctx) =>
      ctx.services.alerts.update(id, { status, assignee, disposition }),
    registerWebhook: (_, { input }, ctx) =>
      ctx.services.webhooks.register({
        agency: input.agency,
        url: input.url,
        clearance: input.clearance ?? [],
        rules: input.rules ?? null,
      }),
    removeWebhook: (_, { agency }, ctx) => ctx.services.webhooks.remove(agency),
  },
  Subscription: {
    alertRaised: {
      // Each alert that goes out is a disclosure to this subscriber, recorded before it leaves
      // (disclosedInOrder: recorded as alerts arrive, sent in order once each is recorded).
      subscribe: (_, { rules }, ctx) =>
        disclosedInOrder(
          pipe(
            ctx.services.alertEvents.subscribe('alertRaised'),
            filter((alert: AlertRecord) => reachesSubscriber(alert, ctx, rules ?? null)),
          )[Symbol.asyncIterator](),
          (alert) =>
            ctx.services.audit.append({
              at: new Date().toISOString(),
              actor: ctx.principal.sub,
              agency: ctx.principal.agency,
              roles: [...ctx.principal.roles],
              operation: `disclosure alert ${alert.id} by subscription`,
              rootFields: ['alertRaised'],
              entityIds: [...alert.entityIds].sort(),
              purpose: ctx.purpose,
              outcome: 'ALLOWED',
              reason: null,
            }),
        ),
      resolve: (disclosed: Disclosed<AlertRecord>) => {
        if (disclosed.error !== undefined) throw disclosed.error;
        return disclosed.item;
      },
    },
  },
  // A page of alerts reads its entities and source records in one batch each, not one per alert.
  Alert: {
    summary: async (alert, _, ctx) =>
      renderSummary(alert.template, await entitiesOf(ctx, namedIds(alert.template)), ctx.protection),
    entities: async (alert, _, ctx) => {
      const entities = await entitiesOf(ctx, alert.entityIds);
      return alert.entityIds.flatMap((id) => entities.get(id) ?? []);
    },
    sources: async (alert, _, ctx) => {
      const load = requestLoader(ctx, 'alert-sources', async (keys: readonly string[]) => {
        const rows = await ctx.services.alerts.sources(keys);
        return new Map(rows.map((row) => [row.key, row]));
      });
      const found = await Promise.all(alert.sourceKeys.map((key) => load(key)));
      return found.filter((source) => source !== undefined);
    },
  },
  WebhookDeadLetter: {
    lastError: (delivery) => delivery.lastError ?? null,
  },
};
