// The History list's filters and sort as the user sets them, and the run:list request they make (empty
// filters left out). Also the selection rules: what "Compare selected" accepts.
import type { MethodRequest } from '../../../../electron/common/contract';
import { RUN_LIMITS, type RUN_SORT_FIELDS, type RunStatus } from '../../../../electron/common/runs';

export type SortField = (typeof RUN_SORT_FIELDS)[number];

export interface Filters {
  text: string;
  status: RunStatus | '';
  preset: string;
  activation: string;
  tag: string;
  sort: SortField;
  order: 'asc' | 'desc';
}

export const NO_FILTERS: Filters = { text: '', status: '', preset: '', activation: '', tag: '', sort: 'created', order: 'desc' };

/** Rows asked for at once: a workshop day's runs fit many times over. */
export const PAGE = 500;

export function listRequest(f: Filters): MethodRequest<'run:list'> {
  const req: MethodRequest<'run:list'> = { sort: f.sort, order: f.order, limit: PAGE };
  if (f.text.trim()) req.text = f.text.trim();
  if (f.status) req.status = f.status;
  if (f.preset) req.preset = f.preset;
  if (f.activation) req.activation = f.activation;
  if (f.tag.trim()) req.tag = f.tag.trim();
  return req;
}

/** Clicking a column header: a new column sorts descending (newest, best, longest first), the same one flips. */
export function nextSort(f: Filters, field: SortField): Pick<Filters, 'sort' | 'order'> {
  if (f.sort === field) return { sort: field, order: f.order === 'asc' ? 'desc' : 'asc' };
  return { sort: field, order: field === 'name' || field === 'preset' || field === 'status' ? 'asc' : 'desc' };
}

export function canCompare(selected: readonly number[]): boolean {
  return selected.length >= RUN_LIMITS.compareMin && selected.length <= RUN_LIMITS.compareMax;
}

/** Tags as typed ("a, b,  c,,a") → ["a", "b", "c"]. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

export function hasFilters(f: Filters): boolean {
  return Boolean(f.text.trim() || f.status || f.preset || f.activation || f.tag.trim());
}

/** A line of feedback under the History toolbar. */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
}
