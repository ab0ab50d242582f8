// The calling display's voice clips (resources/voice, made by scripts/make-voice-clips.mjs),
// served by the hub so a display in a plain browser speaks with no network beyond the LAN.
// No token: the clips are public words ("please go to counter"), like the web app itself.
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api } from '../../../common/routes/index.js';
import { DomainError } from '../../../common/errors.js';
import { registerRoute } from '../register-route.js';

function voiceDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'resources', 'voice');
}

// Only these names: no path the caller makes up ever reaches the file system.
const CLIP = /^(chime|(zh|en)\/[0-9A-Za-z-]{1,32})\.ogg$/;

export function registerVoiceRoutes(app: FastifyInstance): void {
  const dir = voiceDir();
  const cache = new Map<string, Buffer>();
  registerRoute(app, api.voiceClip, async (_request, reply, input) => {
    const name = input.params['*'];
    if (!CLIP.test(name)) throw new DomainError('not_found', 'unknown_clip', 'There is no such voice clip.');
    let bytes = cache.get(name);
    if (!bytes) {
      const file = path.join(dir, name);
      if (!existsSync(file)) throw new DomainError('not_found', 'unknown_clip', 'There is no such voice clip.');
      bytes = readFileSync(file);
      cache.set(name, bytes);
    }
    return reply.header('cache-control', 'public, max-age=86400').type('audio/ogg').send(bytes);
  });
}
