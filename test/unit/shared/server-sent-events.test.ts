import { describe, expect, it } from 'vitest';
import { serverSentEventData } from '../../../src/shared/server-sent-events.ts';

/** A body that arrives in the given chunks, as a network would cut it. */
function body(...chunks: string[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk) as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<string[]> {
  const events: string[] = [];
  for await (const data of serverSentEventData(stream)) events.push(data);
  return events;
}

describe('serverSentEventData', () => {
  it('yields each event once it is complete, whatever the chunks', async () => {
    expect(await collect(body('event: next\nda', 'ta: {"a":1}\n', '\nevent: next\ndata:{"b":2}\n\n'))).toEqual([
      '{"a":1}',
      '{"b":2}',
    ]);
  });

  it('joins data lines with newlines, skips keep-alives and an unfinished last event, reads CRLF', async () => {
    expect(await collect(body(':\n\n', 'data: one\r\ndata:  two\r\n\r\n', 'data: cut off'))).toEqual(['one\n two']);
  });
});
