// Entry point of the layout thread, in plain JavaScript on purpose: Node 20 ignores ESM loaders
// passed through a Worker's execArgv (`--import tsx`; nodejs/node#47747, fixed in Node 22), so the
// thread registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./layout-thread-worker.ts');
