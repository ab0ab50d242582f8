// A staff or device screen's live feed, opened the way a screen opens it (a WebSocket to
// /api/live, the token as the first message), keeping every message it receives.
import WebSocket from 'ws';

export interface LiveFeed {
  socket: WebSocket;
  messages: any[];
}

/** Resolves once the hub has answered the token (with its snapshot, or a refusal). */
export function openLiveFeed(hubUrl: string, token: string): Promise<LiveFeed> {
  const socket = new WebSocket(hubUrl.replace('http', 'ws') + '/api/live');
  const feed: LiveFeed = { socket, messages: [] };
  socket.on('message', (raw) => feed.messages.push(JSON.parse(raw.toString())));
  return new Promise((resolve) => {
    socket.on('open', () => socket.send(JSON.stringify({ token })));
    const wait = () => (feed.messages.length > 0 ? resolve(feed) : setTimeout(wait, 10));
    wait();
  });
}
