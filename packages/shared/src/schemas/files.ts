import { z } from 'zod';

/** The only media types accepted for upload; the file's magic bytes decide which one it is. */
export const fileMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const FileMediaType = z.enum(fileMediaTypes);
export type FileMediaType = z.infer<typeof FileMediaType>;

/** File name extensions accepted for each media type (lower case, without the dot). */
export const fileExtensions: Record<FileMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** For the web app's <input accept>. */
export const fileAccept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The draft, dossier or report a file belongs to (e.g. `draft:…`, `dossier:…`, `feedback:…`). */
export const FileBundleId = z
  .string()
  .trim()
  .min(1, 'Thiếu mã hồ sơ/bộ tệp (bundleId)')
  .max(100, 'Mã bộ tệp tối đa 100 ký tự')
  .regex(/^[A-Za-z0-9:._-]+$/, 'Mã bộ tệp chỉ gồm chữ, số và các ký tự : . _ -');

/** What the file is for, e.g. `thanh-phan-ho-so` or `feedback-photo`; the dossier module checks it. */
export const FilePurpose = z
  .string()
  .trim()
  .min(1, 'Thiếu mục đích của tệp (purpose)')
  .max(64, 'Mục đích tối đa 64 ký tự')
  .regex(/^[A-Za-z0-9._-]+$/, 'Mục đích chỉ gồm chữ cái không dấu, số và các ký tự . _ -');

/** The text fields sent beside the `file` field of `POST /api/files` (multipart/form-data). */
export const FileUploadFields = z.object({ bundleId: FileBundleId, purpose: FilePurpose }).strict();
export type FileUploadFields = z.infer<typeof FileUploadFields>;

export const FileIdParams = z.object({ id: z.uuid('Mã tệp không hợp lệ') }).strict();
export type FileIdParams = z.infer<typeof FileIdParams>;

/** What the API tells about a stored file. `name` is the sanitised original name, for display. */
export const StoredFile = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: FileMediaType,
  size: z.number().int().describe('Bytes as stored (after metadata removal)'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type StoredFile = z.infer<typeof StoredFile>;
