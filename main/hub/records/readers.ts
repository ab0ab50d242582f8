// Who may call the records' routes: the route table's lists (main/common/routes/access.ts),
// which server/readers.ts also gives the live feed's cuts, so the feed never tells a
// principal what REST refuses them.
export { KEEPERS, RECORD_READERS } from '../../common/routes/access.js';
