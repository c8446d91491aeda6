/**
 * Reads and writes through TanStack Query: a read is cached under its endpoint and input, retried
 * on a poor network and refreshed after a write; a write invalidates what it changed.
 */
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryOptions } from '@tanstack/react-query';
import type { EndpointDef, Input, Output } from '../../contract/endpoint';
import { ApiError, call } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change on retry; a lost connection or a 5xx may.
      retry: (failures, error) =>
        failures < 3 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      staleTime: 5_000,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

/** The cache key of an endpoint's answer for one input: its path, then its inputs. */
export const keyOf = <D extends EndpointDef>(d: D, input?: Input<D>) =>
  input ? ([d.path, input.params ?? null, input.query ?? null] as const) : ([d.path] as const);

/** Reads an endpoint. `enabled: false` waits (e.g. until an id is known). */
export function useApiQuery<D extends EndpointDef>(
  d: D,
  input: Input<D>,
  options: Omit<UseQueryOptions<Output<D>, Error>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<D>, Error>({ queryKey: keyOf(d, input), queryFn: () => call(d, input), ...options });
}

/**
 * Writes through an endpoint; on success the listed reads are refreshed (every read of each
 * endpoint given, whatever its input).
 */
export function useApiMutation<D extends EndpointDef>(
  d: D,
  options: { invalidates?: readonly EndpointDef[] } = {},
) {
  const client = useQueryClient();
  return useMutation<Output<D>, Error, Input<D>>({
    mutationFn: (input) => call(d, input),
    onSuccess: async () => {
      await Promise.all(
        (options.invalidates ?? []).map((e) => client.invalidateQueries({ queryKey: [e.path] })),
      );
    },
  });
}
