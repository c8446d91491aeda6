import { lazy } from 'react';
import type { ComponentType, ReactNode } from 'react';
import type { Me } from '../../contract/auth';

/** What a page may need of the signed-in session besides the URL. */
export interface Session {
  readonly me: Me;
  /** Reads /api/me again (after a change of the account). */
  readonly refreshMe: () => void;
  /** The session ended (password changed, signed out elsewhere). */
  readonly loggedOut: () => void;
}

/**
 * One page of a feature. Each feature lists its pages in its own `routes.tsx`
 * (`export const routes: FeatureRoute[]`); the app shell finds them all, so adding a page edits
 * nothing outside its feature.
 */
export interface FeatureRoute {
  readonly path: string;
  readonly element: (session: Session) => ReactNode;
}

/**
 * A page open to anyone, without a session (a feature exports `publicRoutes` from its routes.tsx):
 * shown alone, outside the signed-in layout, and the login page never stands in front of it.
 */
export interface PublicRoute {
  readonly path: string;
  readonly element: () => ReactNode;
}

/**
 * A page whose code is fetched when it is first opened (route-level code splitting): the first
 * script holds the shell and the login, each page comes in its own file, and the app shell's
 * service worker keeps them all for offline use. `name` is the page's export in its module.
 */
// Pages differ in their props; `any` is the only props type every page's type is assignable to.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<K extends string, M extends Record<K, ComponentType<any>>>(
  load: () => Promise<M>,
  name: K,
): M[K] {
  return lazy(async () => ({ default: (await load())[name] })) as unknown as M[K];
}
