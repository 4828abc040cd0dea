/**
 * The data of each Server-Sent Event of a response body, in order: what a GraphQL-over-SSE
 * client (the explorer's live alerts, the alert benchmark, the delivery test) reads. Events end
 * at a blank line; an event's `data:` lines are joined with newlines, each without the one space
 * that may follow the colon (the HTML standard's event-stream parsing, for the fields GraphQL over
 * SSE uses); events without data (keep-alive comments) are skipped. Web-standard streams only,
 * so the browser bundle and Node share it.
 */
export async function* serverSentEventData(body: ReadableStream<Uint8Array<ArrayBuffer>>): AsyncGenerator<string> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replaceAll('\r\n', '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
          .join('\n');
        if (data) yield data;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
