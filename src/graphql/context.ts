import type { YogaInitialContext } from 'graphql-yoga';
import type { Services } from '../app/services.ts';

/** What every resolver receives: the request and the capabilities it may call. */
export interface GraphQLContext extends YogaInitialContext {
  services: Services;
}
