import {
  CalendarDayList,
  CalendarYear,
  CalendarYearList,
  CalendarYearParams,
  ConfirmCalendarYear,
  DueQuery,
  DueResult,
  WorkingDaysQuery,
} from '@cqs/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireOfficer } from '../../http/auth';
import type { CalendarService } from './calendar.service';
import { formatVn } from './calendar.time';

/** Results that used a year nobody has confirmed carry its number, so clients can flag them. */
function flagUnconfirmed(reply: FastifyReply, years: number[]): void {
  if (years.length) reply.header('x-calendar-unconfirmed', years.join(','));
}

export function calendarRoutes(app: FastifyInstance, deps: { calendar: CalendarService }): void {
  const { calendar } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/calendar/due',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary:
          'Due date of a time limit (working days with the 15:00 rule, working hours, calendar days)',
        description:
          'Times are Asia/Ho_Chi_Minh (+07:00). Header x-calendar-unconfirmed lists years whose days off are not yet confirmed.',
        querystring: DueQuery,
        response: { 200: DueResult },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await calendar.due(new Date(q.receivedAt), q.amount, q.unit);
      flagUnconfirmed(reply, result.unconfirmedYears);
      return { countFrom: formatVn(result.countFrom), due: formatVn(result.due) };
    },
  );

  r.get(
    '/api/calendar/working-days',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: 'Days off in a range (≤ 1 year), plus make-up Saturdays and proposed holidays',
        description:
          'Each item: date, kind (weekend | statutory | compensatory | weekend_in_break | swapped_day_off | official_break_day | make_up_working_day | proposed_holiday), Vietnamese name, working (true only for make-up Saturdays and proposed holidays not yet law).',
        querystring: WorkingDaysQuery,
        response: { 200: CalendarDayList },
      },
    },
    async (request, reply) => {
      const result = await calendar.listDays(request.query.from, request.query.to);
      flagUnconfirmed(reply, result.unconfirmedYears);
      return { items: result.items };
    },
  );

  r.get(
    '/api/admin/calendar/years',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['calendar'],
        summary: 'Years of the calendar with their status (official data, computed, confirmed)',
        response: { 200: CalendarYearList },
      },
    },
    async () => ({ items: await calendar.listYears() }),
  );

  r.post(
    '/api/admin/calendar/years/:year/confirm',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['calendar'],
        summary: "Confirm a year's days off (province administrators; audited)",
        params: CalendarYearParams,
        body: ConfirmCalendarYear,
        response: { 200: CalendarYear },
      },
    },
    async (request) => {
      const officer = requireOfficer(request);
      return calendar.confirmYear(officer, request.params.year, request.body?.note, request.id);
    },
  );
}
