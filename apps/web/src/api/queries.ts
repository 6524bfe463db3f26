// Shared look-up queries (organisations, projects, people) used by several features.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Org, Project, StaffMember, User } from './types';

export function useOrgs(enabled = true) {
  return useQuery({ queryKey: ['orgs'], queryFn: () => api<Org[]>('/orgs'), enabled, staleTime: 60_000 });
}

export function useProjects(enabled = true) {
  return useQuery({ queryKey: ['projects'], queryFn: () => api<Project[]>('/projects'), enabled, staleTime: 60_000 });
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
  return useQuery({ queryKey: ['users', orgId ?? 'all'], queryFn: () => api<User[]>('/users', { query: { orgId } }), enabled, staleTime: 30_000 });
}

/** Provider staff (GET /staff, provider roles only): the people who can be put on a roster or a plan. */
export function useStaff(enabled = true) {
  return useQuery({ queryKey: ['staff'], queryFn: () => api<StaffMember[]>('/staff'), enabled, staleTime: 60_000 });
}

/** antd Select filter that matches the visible label, case-insensitively. */
export function filterByLabel(input: string, option?: { label?: unknown }): boolean {
  return String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());
}
