// Entry point of a validation thread, in plain JavaScript for the reason the detection thread's is
// (src/rings/detection-thread/detection-thread-bootstrap.mjs): Node 20 ignores `--import tsx` in a
// Worker's execArgv, so the thread registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./validation-thread-worker.ts');
