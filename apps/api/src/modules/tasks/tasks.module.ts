import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { CalendarService } from '../calendar/calendar.service';
import type { FilesService } from '../files/files.service';
import type { UnitsService } from '../units/units.service';
import { allowOfficersToReadTaskFiles, type TasksDeps } from './tasks.context';
import { seedDemoTasks } from './tasks.demo';
import { TaskQueries } from './tasks.queries';
import { TaskReports } from './tasks.reports';
import { TasksRepository } from './tasks.repository';
import { tasksRoutes } from './tasks.routes';
import { TasksService } from './tasks.service';
import { TaskWorker } from './tasks.workers';

export interface TasksModule {
  tasks: TasksService;
  reports: TaskReports;
  queries: TaskQueries;
  repository: TasksRepository;
  /** Labelled demo tasks (server.ts, demo mode only; once). */
  seedDemo(): Promise<number>;
  /** Due-soon reminders and escalation of overdue assignments; server.ts starts one. */
  createWorker(options: {
    intervalMs: number;
    logger: { error(obj: unknown, msg?: string): void };
  }): TaskWorker;
}

/** Directive tasks ("giao nhiệm vụ", issue 7 item 3): services, routes, file access, demo data. */
export async function registerTasks(
  server: FastifyInstance,
  deps: {
    db: Db;
    clock: Clock;
    policy: AccessPolicy;
    units: UnitsService;
    calendar: CalendarService;
    files: FilesService;
  },
): Promise<TasksModule> {
  const all: TasksDeps = { ...deps, repository: new TasksRepository(deps.db) };
  const tasks = new TasksService(all);
  const reports = new TaskReports(all, tasks);
  const queries = new TaskQueries(all);
  allowOfficersToReadTaskFiles(all);
  tasksRoutes(server, { tasks, reports, queries });
  return {
    tasks,
    reports,
    queries,
    repository: all.repository,
    seedDemo: () => seedDemoTasks(all),
    createWorker: (options) => new TaskWorker({ ...all, ...options }),
  };
}
