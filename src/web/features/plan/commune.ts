import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { CommuneView } from '../../shared/api';

/**
 * The commune with its hamlets, read through TanStack Query like the contract's endpoints. Its
 * route belongs to the territory feature, which has no contract endpoint for it yet; when it does,
 * this becomes `useApiQuery` of that endpoint.
 */
export const useCommune = (id: string) =>
  useQuery({
    queryKey: ['/api/communes/:id', { id }],
    queryFn: () => api.get<CommuneView>(`/api/communes/${id}`),
  });
