// Imports from a bank's files: a preview that writes nothing, then the import itself. The file
// is base64 in JSON (main/common/imports.ts says why); a body over the limit is 413
// `body_too_large`, bytes that are neither CSV nor .xlsx are 400 `unreadable_file`.
import { z } from 'zod';
import { AppointmentSample, ImportedAppointment, ImportFile, IMPORT_MAX_BASE64, previewAnswer, VipSample } from '../imports.js';
import { APPOINTMENT_READERS } from './access.js';
import { route } from './define.js';

/** The base64 file, with room for the JSON around it; past it fastify answers 413. */
export const IMPORT_BODY_LIMIT = IMPORT_MAX_BASE64 + 4_096;

export const vipImportPreview = route({
  method: 'POST',
  path: '/api/customers/vip-import/preview',
  access: { grants: ['admin'] },
  summary: 'What `vip-import` would write, nothing written: the first rows (numbers as their last four digits) and the problems by line; 400 `unreadable_file`.',
  body: ImportFile,
  answer: previewAnswer(VipSample),
  bodyLimit: IMPORT_BODY_LIMIT,
});

export const appointmentImportPreview = route({
  method: 'POST',
  path: '/api/appointments/import/preview',
  access: { grants: APPOINTMENT_READERS },
  summary: 'What `appointments/import` would book, nothing written: the first rows and the problems by line; 400 `unreadable_file`.',
  body: ImportFile,
  answer: previewAnswer(AppointmentSample),
  bodyLimit: IMPORT_BODY_LIMIT,
});

export const appointmentImport = route({
  method: 'POST',
  path: '/api/appointments/import',
  access: { grants: APPOINTMENT_READERS },
  summary:
    'Books every row (columns service, at or date+time, phone?) as `appointment.booked`, in one commit; a problem writes nothing (400 `invalid_rows`) unless `onlyValid`. Answers the codes.',
  body: ImportFile,
  answer: z.strictObject({ created: z.array(ImportedAppointment), skipped: z.number().int() }),
  bodyLimit: IMPORT_BODY_LIMIT,
});

export const importRoutes = [vipImportPreview, appointmentImportPreview, appointmentImport];
