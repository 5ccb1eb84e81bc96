import type {
  ShowcaseContent,
  ShowcaseEditor,
  ShowcaseImage,
  ShowcaseManaged,
  ShowcaseView,
} from '@cqs/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post } from '../../../lib/api';
import { uploadFile } from '../../../lib/upload-file';
import { preparePhoto } from './prepare-photo';

const base = '/api/officer/showcase';
export const editorKey = (code: string) => ['showcase', 'editor', code] as const;

/** Communes the officer may edit, with their state. */
export function useManagedCommunes() {
  return useQuery({
    queryKey: ['showcase', 'managed'],
    queryFn: ({ signal }) => get<ShowcaseManaged>(base, { signal }),
  });
}

export function useEditorData(code: string | null) {
  return useQuery({
    queryKey: editorKey(code ?? ''),
    queryFn: ({ signal }) => get<ShowcaseEditor>(`${base}/${code}`, { signal }),
    enabled: Boolean(code),
    // The form holds the officer's edits: never refetch under their hands.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function usePreview(code: string, enabled: boolean) {
  return useQuery({
    queryKey: ['showcase', 'preview', code],
    queryFn: ({ signal }) => get<ShowcaseView>(`${base}/${code}/preview`, { signal }),
    enabled,
    staleTime: 0,
  });
}

/** Save, publish and unpublish answer the new editor state, which replaces the cached one. */
export function useEditorMutations(code: string) {
  const queryClient = useQueryClient();
  const settle = (data: ShowcaseEditor) => {
    queryClient.setQueryData(editorKey(code), data);
    void queryClient.invalidateQueries({ queryKey: ['showcase', 'managed'] });
    void queryClient.invalidateQueries({ queryKey: ['showcase', 'preview', code] });
    void queryClient.invalidateQueries({ queryKey: ['showcase', 'page', code] });
    void queryClient.invalidateQueries({ queryKey: ['showcase', 'list'] });
  };
  const save = useMutation({
    mutationFn: (input: { version: number; content: ShowcaseContent }) =>
      api<ShowcaseEditor>(`${base}/${code}/draft`, { method: 'PUT', body: input }),
    onSuccess: settle,
  });
  const publish = useMutation({
    mutationFn: (version: number) => post<ShowcaseEditor>(`${base}/${code}/publish`, { version }),
    onSuccess: settle,
  });
  const unpublish = useMutation({
    mutationFn: () => post<ShowcaseEditor>(`${base}/${code}/unpublish`),
    onSuccess: settle,
  });
  return { save, publish, unpublish };
}

export type UploadPhase = 'preparing' | 'uploading' | 'processing';

/**
 * A photo from the phone into the showcase: made upright and smaller in the browser (less to send
 * on a slow line), uploaded through the files module (which removes Exif/GPS), then turned into
 * the page's WebP copies by the showcase API.
 */
export async function uploadShowcasePhoto(
  code: string,
  file: File,
  onPhase: (phase: UploadPhase, fraction: number) => void,
): Promise<ShowcaseImage> {
  onPhase('preparing', 0);
  const prepared = await preparePhoto(file);
  onPhase('uploading', 0);
  const stored = await uploadFile(`showcase:${code}`, 'showcase.photo', prepared, (f) =>
    onPhase('uploading', f),
  ).promise;
  onPhase('processing', 1);
  return post<ShowcaseImage>(`${base}/${code}/images`, { fileId: stored.id });
}
