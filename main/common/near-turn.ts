// "Near your turn" (issue 17.3): one signal for the customer's phone page (/t/:id reminds
// the customer) and the manager's list of older customers waiting (marks them). Both read the
// people ahead the hub shows on every ticket (main/hub/queue/waiting-ahead.ts).

/** People ahead at or under which a waiting ticket is near its turn. */
export const NEAR_TURN_AHEAD = 3;

/** Whether a waiting ticket with `ahead` people before it is near its turn. */
export function isNearTurn(ahead: number): boolean {
  return ahead <= NEAR_TURN_AHEAD;
}
