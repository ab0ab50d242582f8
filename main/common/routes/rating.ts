// The satisfaction pad's two calls: what to show, and the customer's rating.
import { z } from 'zod';
import { RATING_REASONS, RatingBody, type RatingCurrent } from '../rating.js';
import { RATING_PADS } from './access.js';
import { route } from './define.js';

const isoTime = z.string();

export const ratingCurrent = route({
  method: 'GET',
  path: '/api/rating/current',
  access: { grants: RATING_PADS },
  summary:
    "What the calling pad shows: its counter, the teller signed in there (`{staffId, name}` or null) and `ask` (`{ticket, finishedAt}`: the number just finished there, until the counter calls again or 5 minutes pass, unless rated) or null.",
  answer: z.strictObject({
    counter: z.string(),
    teller: z.strictObject({ staffId: z.string(), name: z.string() }).nullable(),
    ask: z.strictObject({ ticket: z.string(), finishedAt: isoTime }).nullable(),
  }) satisfies z.ZodType<RatingCurrent>,
});

export const rate = route({
  method: 'POST',
  path: '/api/ratings',
  access: { grants: RATING_PADS },
  summary: `A customer's rating (1–5) of the service that finished at the pad's counter, with \`reasons\` (${RATING_REASONS.map((r) => `\`${r}\``).join(', ')}) for 1 or 2 only; recorded as \`rating.recorded\`; 2 or less raises a \`low_rating\` alert. 404 \`unknown_ticket\`, 409 \`not_finished\`; another counter's ticket 403 \`not_this_counter\`; a second rating 409 \`already_rated\`; over 5 minutes after the finish 409 \`rating_closed\`.`,
  body: RatingBody,
  answer: z.strictObject({ recorded: z.literal(true) }),
});

export const ratingRoutes = [ratingCurrent, rate];
