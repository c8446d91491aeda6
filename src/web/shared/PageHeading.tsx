import { Anchor, Box, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { getLifecycle } from '../../contract/plan';
import { getCommune, getHamlet } from '../../contract/territory';
import { vnDate } from './format';
import { useApiQuery } from './query';
import { t } from './strings';

/** One step of a page's place: a link to an enclosing page, or the page itself (no link). */
export interface Crumb {
  readonly label: string;
  readonly to?: string;
}

/**
 * A page's breadcrumbs (Tỉnh › Xã › Thôn › Cuộc bầu › the page) and its title, the page's one h1.
 * Every signed-in page opens with it, so the title, the landmark and the way back are the same
 * everywhere. The crumbs wrap on a phone instead of widening the page.
 */
export function PageHeading(props: {
  crumbs: readonly Crumb[];
  /** The page's own crumb when it is shorter than the title; else the title (when it is text). */
  here?: string;
  title: ReactNode;
  /** A screen shown to a room (the turnout) centres its title and writes it large. */
  big?: boolean;
  children?: ReactNode;
}) {
  const here = props.here ?? (typeof props.title === 'string' ? props.title : null);
  return (
    <Stack gap={6}>
      <Box component="nav" aria-label={t.nav.breadcrumbs}>
        <Breadcrumbs
          separator="›"
          separatorMargin={6}
          styles={{ root: { flexWrap: 'wrap', rowGap: 2 }, breadcrumb: { overflowWrap: 'anywhere' } }}
        >
          {props.crumbs.map((c) =>
            c.to ? (
              <Anchor key={c.to} component={Link} to={c.to} size="sm">
                {c.label}
              </Anchor>
            ) : (
              <Text key={c.label} size="sm">
                {c.label}
              </Text>
            ),
          )}
          {here && (
            <Text size="sm" c="dimmed" aria-current="page">
              {here}
            </Text>
          )}
        </Breadcrumbs>
      </Box>
      <Title
        order={1}
        size={props.big ? 'h1' : 'h2'}
        ta={props.big ? 'center' : undefined}
        style={{ overflowWrap: 'anywhere' }}
      >
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

/** The signed-in user's home (the app sends '/' there): where a page outside any place starts. */
export const homeCrumbs: readonly Crumb[] = [{ label: t.nav.home, to: '/' }];

/** The province and the commune (with its pre-2025 district when it has one). */
export function useCommuneCrumbs(communeId: string | undefined): Crumb[] {
  const q = useApiQuery(getCommune, { params: { id: communeId ?? '' } }, { enabled: !!communeId });
  if (!q.data) return [];
  const { province, commune, districtName } = q.data;
  return [
    { label: province.name, to: `/tinh/${province.code}` },
    ...(districtName ? [{ label: districtName }] : []),
    { label: commune.name, to: `/xa/${commune.id}` },
  ];
}

/** The province, the commune and the hamlet. */
export function useHamletCrumbs(hamletId: string | undefined): Crumb[] {
  const q = useApiQuery(getHamlet, { params: { id: hamletId ?? '' } }, { enabled: !!hamletId });
  if (!q.data) return [];
  const { province, commune, name, id } = q.data;
  return [
    { label: province.name, to: `/tinh/${province.code}` },
    { label: commune.name, to: `/xa/${commune.id}` },
    { label: name, to: `/thon/${id}` },
  ];
}

/** The province, the commune, the hamlet and the election. */
export function useElectionCrumbs(electionId: string | undefined): Crumb[] {
  const q = useApiQuery(getLifecycle, { params: { id: electionId ?? '' } }, { enabled: !!electionId });
  const place = useHamletCrumbs(q.data?.hamletId);
  if (!q.data) return [];
  const day = vnDate(q.data.electionDate);
  return [
    ...place,
    { label: day ? t.crumbs.electionOn(day) : t.crumbs.election, to: `/bau-cu/${electionId}` },
  ];
}
