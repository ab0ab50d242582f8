// The special-customer notebook over HTTP, and its file for other branches.
import { NotebookBody, NotebookLookupBody, type NotebookFile } from '../../../common/records.js';
import { api } from '../../../common/routes/index.js';
import { commitRecords } from '../commit.js';
import type { RecordRoute } from '../route.js';
import { decideSave } from './decide.js';
import { exportNotebook, importNotebook } from './file.js';
import { allNotes, firstEntry, notebookEntry } from './projector.js';
import { lookupKeysOf, saveKeyOf, sealNote } from './seal.js';

export const notebookRoutes: RecordRoute[] = [
  { def: api.notebook, handler: (_in, _who, { hub }) => ({ entries: allNotes(hub.ledger.db) }) },
  {
    def: api.saveNote,
    handler(input, who, { hub }) {
      const db = hub.ledger.db;
      const body = NotebookBody.parse(input.body);
      const { customerKey, shared } = saveKeyOf(db, body.kind, body.number);
      commitRecords(hub, decideSave({ customerKey, ...sealNote(db, customerKey, body), tags: body.tags }, shared), who.id);
      return { entry: notebookEntry(db, customerKey) };
    },
  },
  {
    def: api.lookupNote,
    handler(input, _who, { hub }) {
      const body = NotebookLookupBody.parse(input.body);
      return { entry: firstEntry(hub.ledger.db, lookupKeysOf(hub.ledger.db, body.kind, body.number)) };
    },
  },
  {
    def: api.exportNotebook,
    handler: (_in, _who, { hub }) => exportNotebook(hub.ledger.db, hub.clock()),
    headers: (file) => ({ 'content-disposition': `attachment; filename="atrium-notebook-${(file as NotebookFile).exportedAt.slice(0, 10)}.json"` }),
  },
  { def: api.importNotebook, handler: (input, who, { hub }) => importNotebook(hub, input.sent, who.id) },
];
