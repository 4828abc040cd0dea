import { checkpointPlace } from '../../ingest/checkpoints.ts';
import { describeEvent } from '../../timeline/timeline-service.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

/** The workspace's timeline and map: the chart's dated facts, and where the checkpoints are. */
export const workspaceResolvers: Resolvers = {
  Query: {
    checkpoints: (_, __, ctx) => ctx.services.timeline.checkpoints().map(({ aliases: _aliases, ...place }) => place),
    timeline: async (_, { ids, from, to }, ctx) => {
      const timeline = await ctx.services.timeline.timeline({ ids, from: from ?? null, to: to ?? null });
      // Labels as a chart shows them to this viewer: protected people and phones by their pseudonyms.
      const shown = new Map(
        (await ctx.protection.chartNodes([...timeline.entities.values()])).map((node) => [node.id, node.label]),
      );
      return {
        truncated: timeline.truncated,
        events: timeline.events.map((event) => ({
          ...event,
          label: describeEvent(event, (id) => shown.get(id) ?? 'an entity'),
        })),
      };
    },
  },
  Checkpoint: {
    code: (c) => checkpointPlace(c.id)?.code ?? null,
    latitude: (c) => checkpointPlace(c.id)?.latitude ?? null,
    longitude: (c) => checkpointPlace(c.id)?.longitude ?? null,
  },
};
