// The seam the benchmark plugs predictors into: a predictor sees only the live state, so
// naive, QL, LES, HOL, an oracle and Atrium's own are interchangeable.
import type { Estimate, LobbyState } from '../../common/domain.js';

export interface WaitPredictor {
  readonly name: string;
  /** An estimate for every waiting ticket id, and for nothing else. */
  predict(state: LobbyState, now: number): Record<string, Estimate>;
}
