import { z } from 'zod';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at `/open311/v2`. Arguments are
 * strings as the spec sends them; the server checks their content and answers in the spec's
 * own error list. Arguments the spec allows to repeat may come repeated or comma-delimited.
 */
const Arg = z
  .union([z.string(), z.array(z.string()).transform((values) => values.join(','))])
  .optional();

export const Open311FormatParams = z.object({ format: z.string().max(10) });

/** `services/{service_code}`, `requests/{id}`, `tokens/{token}`, each with an optional `.xml`/`.json`. */
export const Open311ItemParams = z.object({ item: z.string().min(1).max(200) });

export const Open311RequestsQuery = z
  .object({
    jurisdiction_id: Arg,
    service_request_id: Arg,
    service_code: Arg,
    start_date: Arg,
    end_date: Arg,
    status: Arg,
    // Widely used extensions.
    updated_after: Arg,
    updated_before: Arg,
    page: Arg,
    page_size: Arg,
  })
  .loose();
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuery>;

/** mySociety's `servicerequestupdates` extension. */
export const Open311UpdatesQuery = z
  .object({ jurisdiction_id: Arg, api_key: Arg, start_date: Arg, end_date: Arg })
  .loose();

export const Open311AnyQuery = z.object({ jurisdiction_id: Arg }).loose();

/** Fields of `POST requests` (form-encoded or multipart with a `media` photo). */
export const Open311PostFields = z.object({
  api_key: z.string().optional(),
  jurisdiction_id: z.string().optional(),
  service_code: z.string().optional(),
  lat: z.string().optional(),
  long: z.string().optional(),
  address_string: z.string().optional(),
  address_id: z.string().optional(),
  email: z.string().optional(),
  device_id: z.string().optional(),
  account_id: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  phone: z.string().optional(),
  description: z.string().optional(),
  media_url: z.string().optional(),
});
export type Open311PostFields = z.infer<typeof Open311PostFields>;

/** Administration: a new Open311 client; its key is shown once, only its hash is kept. */
export const Open311ClientCreate = z
  .object({ name: z.string().trim().min(2, 'Tên hệ thống tối thiểu 2 ký tự').max(200) })
  .strict();
export const Open311ClientCreated = z.object({
  id: z.string(),
  name: z.string(),
  apiKey: z.string().describe('Shown once: only its sha256 is stored'),
});
export const Open311ClientView = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  isDemo: z.boolean(),
  createdAt: z.string(),
});
export const Open311ClientList = z.object({ items: z.array(Open311ClientView) });
export type Open311ClientView = z.infer<typeof Open311ClientView>;
