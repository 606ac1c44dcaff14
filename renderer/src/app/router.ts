/**
 * A tiny hash router: the page is `#/martyrs`, `#/admin/users` …, so a reload or an end-to-end
 * test lands on the same page. No history tricks: the browser's own hash navigation.
 */
import { useSyncExternalStore } from 'react';

/** The landing page after sign-in: the home page with what is due. */
export const DEFAULT_PATH = '/home';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '');
  const path = raw.split('?')[0] ?? '';
  if (path === '' || path === '/') return DEFAULT_PATH;
  return path.startsWith('/') ? path.replace(/\/+$/, '') : `/${path}`;
}

/** The current path, e.g. `/admin/users`. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => DEFAULT_PATH);
}

function currentHash(): string {
  return window.location.hash;
}

/**
 * The whole address after '#', query included (`#/plaques?view=hung`): a list that keeps its
 * filter in the address re-reads it on every change, so back and forward step through filters.
 */
export function useHash(): string {
  return useSyncExternalStore(subscribe, currentHash, () => '');
}

/** Goes to `path` (a new history entry: back returns here). */
export function navigate(path: string): void {
  window.location.hash = path;
}

export function hrefOf(path: string): string {
  return `#${path}`;
}

/** `/admin/users` matches section `/admin`. */
export function inSection(path: string, section: string): boolean {
  return path === section || path.startsWith(`${section}/`);
}
