import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes text and waits when the stream's buffer is full, so a fast producer cannot fill memory. */
export async function writeWithBackpressure(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export async function closeStream(stream: Writable): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}
