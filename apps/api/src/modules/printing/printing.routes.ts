import {
  ApiError,
  FormQuery,
  LogbookQuery,
  OfficerFormParams,
  ResidentFormParams,
} from '@cqs/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../../config';
import { requireOfficer, requireSignedIn } from '../../http/auth';
import { LogbookService } from './logbook.service';
import { type PrintedFile, type PrintingDeps, PrintingService } from './printing.service';

export interface PrintingRouteDeps {
  printing: PrintingService;
  logbook: LogbookService;
}

const tags = ['printing'];
const pdfResponse = {
  200: z.any().describe('The form as a PDF (A4, Vietnamese font embedded)'),
  404: ApiError,
  409: ApiError,
};

function send(reply: FastifyReply, file: PrintedFile, disposition: 'inline' | 'attachment') {
  return (
    reply
      .header('content-type', file.mediaType)
      .header('content-length', file.bytes.length)
      // File names are ASCII by construction (code or unit code and dates).
      .header('content-disposition', `${disposition}; filename="${file.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      // Personal data: never kept by a shared cache or the browser's history cache.
      .header('cache-control', 'private, no-store')
      .send(file.bytes)
  );
}

/** Printable forms of Circular 01/2018/TT-VPCP (01–05 as PDF, 06 as an .xlsx logbook). */
export function printingRoutes(app: FastifyInstance, deps: PrintingRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/officer/dossiers/:id/forms/:form',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Print form 01–05 of a dossier (PDF)',
        description:
          '01 receipt and appointment slip (with a QR code to the tracking page), 02 request to complete, ' +
          '03 refusal to accept, 04 apology and new date, 05 dossier-control sheet. 02–04 print the latest ' +
          'event of their kind, or `eventId`. 404 DOSSIER_NOT_FOUND when the officer may not read it.',
        params: OfficerFormParams,
        querystring: FormQuery,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const file = await deps.printing.officerForm(
        requireOfficer(request),
        request.params.id,
        request.params.form,
        request.query.eventId,
      );
      return send(reply, file, 'inline');
    },
  );

  r.get(
    '/api/my/dossiers/:id/forms/:form',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary:
          'Download a form of my dossier (01 receipt, 02 what to complete, 03 refusal, 04 apology)',
        params: ResidentFormParams,
        querystring: FormQuery,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const file = await deps.printing.residentForm(
        requireSignedIn(request),
        request.params.id,
        request.params.form,
        request.query.eventId,
      );
      return send(reply, file, 'inline');
    },
  );

  r.get(
    '/api/officer/logbook.xlsx',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Form 06 (Sổ theo dõi hồ sơ): dossiers a unit accepted between two dates (.xlsx)',
        description: 'Dates are Vietnam calendar days, inclusive; at most 366 days.',
        querystring: LogbookQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: {
          200: z.any().describe('The logbook workbook'),
          400: ApiError,
          403: ApiError,
        },
      },
    },
    async (request, reply) => {
      const file = await deps.logbook.export(requireOfficer(request), request.query);
      return send(reply, file, 'attachment');
    },
  );
}

/** The module's services from the app's shared dependencies (one registration line in app.ts). */
export function printingModule(
  deps: Omit<PrintingDeps, 'publicUrl'> & { config: Pick<AppConfig, 'publicUrl'> },
): PrintingRouteDeps {
  const { config, ...rest } = deps;
  return {
    printing: new PrintingService({ ...rest, publicUrl: config.publicUrl }),
    logbook: new LogbookService(rest),
  };
}
