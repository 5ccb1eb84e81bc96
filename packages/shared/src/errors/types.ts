export interface ErrorEntry {
  /** HTTP status the API answers with. */
  status: number;
  /** Vietnamese message shown to people (the default). */
  vi: string;
  /** English message (Accept-Language: en). */
  en: string;
}
