// A face drawn in SVG for each score, so the pad needs no emoji font: the mouth curves from a
// wide smile (5) to a frown (1), and the colour runs from green to red.
import type { Score } from '../../main/common/rating';

const COLOURS: Record<Score, string> = { 5: '#1f9d55', 4: '#6cbf3a', 3: '#e0b000', 2: '#f08a24', 1: '#d64545' };
/** The mouth's control point: below the corners smiles, above frowns. */
const MOUTH_BEND: Record<Score, number> = { 5: 86, 4: 76, 3: 64, 2: 54, 1: 46 };

export function Face({ score }: { score: Score }) {
  const bend = MOUTH_BEND[score];
  return (
    <svg className="rate-face-svg" viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="46" fill={COLOURS[score]} />
      <circle cx="34" cy="40" r="6" fill="#fff" />
      <circle cx="66" cy="40" r="6" fill="#fff" />
      <path d={`M 28 64 Q 50 ${bend} 72 64`} stroke="#fff" strokeWidth="7" fill="none" strokeLinecap="round" />
    </svg>
  );
}
