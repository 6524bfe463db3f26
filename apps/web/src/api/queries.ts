// Shared look-up queries (organisations, projects, people) used by several features.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Org, Project, StaffMember, User } from './types';

export function useOrgs(enabled = true) {
  return useQuery({ queryKey: ['orgs'], queryFn: () => api<Org[]>('/orgs'), enabled, staleTime: 60_000 });
}

export function useProjects(enabled = true) {
  return useQuery({ queryKey: ['projects'], queryFn: () => api<Project[]>('/projects'), enabled, staleTime: 60_000 });
}

/** The customers of the projects the user can see (id and name), each once. */
export function useCustomers(): { customers: { id: string; name: string }[]; loading: boolean } {
  const { data: projects, isPending } = useProjects();
  const customers = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of projects ?? []) if (!seen.has(p.customerId)) seen.set(p.customerId, p.customerName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [projects]);
  return { customers, loading: isPending };
}

/** Team engineers of a project: the people a ticket of that project can be dispatched to. */
export function useAssignees(projectId: string | undefined | null) {
  return useQuery({
    queryKey: ['projects', projectId, 'assignees'],
    queryFn: () => api<User[]>(`/projects/${encodeURIComponent(projectId!)}/assignees`),
    enabled: !!projectId,
    staleTime: 60_000,
  });
}

export function useUsers(orgId?: string, enabled = true) {
  return useQuery({
    queryKey: ['users', orgId ?? 'all'],
    queryFn: () => api<User[]>('/users', { query: { orgId } }),
    enabled,
    staleTime: 30_000,
  });
}

/** Provider staff (GET /staff, provider roles only): the people who can be put on a roster or a plan. */
export function useStaff(enabled = true) {
  return useQuery({ queryKey: ['staff'], queryFn: () => api<StaffMember[]>('/staff'), enabled, staleTime: 60_000 });
}

/** antd Select filter that matches the visible label, case-insensitively. */
export function filterByLabel(input: string, option?: { label?: unknown }): boolean {
  return String(option?.label ?? '')
    .toLowerCase()
    .includes(input.trim().toLowerCase());
}
