import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../components/useKeysetList';
import { api, buildUrl, downloadUrl, type Query } from '../../api/client';
import type {
  Acceptance,
  AcceptanceCreate,
  ArchiveKind,
  ArchivePage,
  Asset,
  AssetCreate,
  AssetDetail,
  AssetImportResult,
  AssetListQuery,
  AssetPage,
  AssetUpdate,
  InspectionCreate,
  InspectionDone,
  InspectionDueQuery,
  InspectionDuePage,
} from '../../api/types';

const enc = encodeURIComponent;
export const assetKey = (id: string) => ['asset', id] as const;

export type AssetFilter = Omit<AssetListQuery, 'cursor' | 'limit'>;

/** Keyset-paged ledger: each "load more" passes the previous page's nextCursor. */
export function useAssetList(filter: AssetFilter, enabled = true, limit = 50) {
  return useKeysetList<AssetPage>(['assets', 'list', filter, limit], '/assets', { ...filter, limit }, { enabled });
}

/** Assets of a project matching `q` (name, serial, tag): the options of an asset picker. */
export function useAssetSearch(projectId: string | undefined, q: string) {
  return useQuery({
    queryKey: ['assets', 'search', projectId, q],
    queryFn: ({ signal }) =>
      api<AssetPage>('/assets', {
        query: { projectId, q: q.trim() || undefined, state: 'in_service', limit: 20 },
        signal,
      }),
    enabled: !!projectId,
    select: (p) => p.items,
    staleTime: 15_000,
  });
}

/** 404 for an asset the user may not see: `silent` so the page shows "not found" instead of a toast. */
export function useAsset(id: string | undefined) {
  return useQuery({
    queryKey: assetKey(id ?? ''),
    queryFn: () => api<AssetDetail>(`/assets/${enc(id!)}`, { silent: true }),
    enabled: !!id,
    retry: false,
  });
}

/** Anything that changes an asset changes the ledger, its detail, the reminders and the archives. */
export function useInvalidateAssets() {
  const qc = useQueryClient();
  return () => {
    for (const key of ['assets', 'asset', 'acceptances', 'inspections', 'archive'])
      void qc.invalidateQueries({ queryKey: [key] });
  };
}

export function useCreateAsset(projectId: string) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (body: AssetCreate) => api<Asset>(`/projects/${enc(projectId)}/assets`, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateAsset(id: string) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (body: AssetUpdate) => api<Asset>(`/assets/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: () => invalidate(),
  });
}

export function useAcceptances(projectId: string | undefined) {
  return useQuery({
    queryKey: ['acceptances', projectId],
    queryFn: () => api<Acceptance[]>(`/projects/${enc(projectId!)}/acceptances`),
    enabled: !!projectId,
  });
}

export function useCreateAcceptance(projectId: string) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (body: AcceptanceCreate) => api<Acceptance>(`/projects/${enc(projectId)}/acceptances`, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useUploadAcceptanceDocument() {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<Acceptance>(`/acceptances/${enc(id)}/document`, { method: 'POST', form });
    },
    onSuccess: () => invalidate(),
  });
}

/**
 * 批量导入: mode "all" refuses the whole file when a row is bad (422 IMPORT_INVALID with the row
 * errors, shown by the caller: hence silent); "valid" imports the good rows and reports the rest.
 */
export function useImportAssets(projectId: string) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: 'all' | 'valid' }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<AssetImportResult>(`/projects/${enc(projectId)}/assets/import`, {
        method: 'POST',
        form,
        query: { mode },
        silent: true,
      });
    },
    onSuccess: () => invalidate(),
  });
}

export function useRecordInspection(assetId: string) {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (body: InspectionCreate) => api<InspectionDone>(`/assets/${enc(assetId)}/inspections`, { body }),
    onSuccess: () => invalidate(),
  });
}

export type InspectionFilter = Omit<InspectionDueQuery, 'cursor' | 'limit'>;

/** Annual inspections overdue, or due within `days`. */
export function useInspectionsDue(filter: InspectionFilter, limit = 50) {
  return useKeysetList<InspectionDuePage>(['inspections', 'annual', filter, limit], '/inspections/annual', {
    ...filter,
    limit,
  });
}

export interface ArchiveFilter {
  kinds?: ArchiveKind[];
  from?: string;
  to?: string;
}
/** The maintenance archive (维修档案) of an asset or of a customer organisation. */
export type ArchiveScope = { kind: 'asset' | 'customer'; id: string };
const archiveBase = (s: ArchiveScope) => `/${s.kind === 'asset' ? 'assets' : 'customers'}/${enc(s.id)}/archive`;
const archiveQuery = (f: ArchiveFilter): Query => ({
  kinds: f.kinds?.length ? f.kinds : undefined,
  from: f.from,
  to: f.to,
});

export function useArchive(scope: ArchiveScope | undefined, filter: ArchiveFilter, limit = 30) {
  return useKeysetList<ArchivePage>(
    ['archive', scope?.kind, scope?.id, filter, limit],
    scope ? archiveBase(scope) : '',
    { ...archiveQuery(filter), limit },
    { enabled: !!scope?.id },
  );
}

export const archiveXlsxUrl = (scope: ArchiveScope, filter: ArchiveFilter) =>
  downloadUrl(`${archiveBase(scope)}.xlsx`, archiveQuery(filter));
export const importTemplateUrl = () => buildUrl('/assets/import-template.xlsx');
export const ledgerXlsxUrl = (projectId: string) => downloadUrl(`/projects/${enc(projectId)}/assets.xlsx`);
export const acceptanceDocumentUrl = (id: string) => buildUrl(`/acceptances/${enc(id)}/document`);
export const assetPath = (id: string) => `/assets/${enc(id)}`;
