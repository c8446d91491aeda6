import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import * as contract from '../../../contract/oversight';
import { useApiQuery } from '../../shared/query';
import { QueryStatus } from '../../shared/Status';
import { oversightText as ot } from './strings';
import { PageHeading, homeCrumbs } from '../../shared/PageHeading';

/** A search box that opens the search page. */
export function SearchBox() {
  const [q, setQ] = useState('');
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) void navigate(`/tim-kiem?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form onSubmit={submit} role="search">
      <Group gap="xs">
        <TextInput
          placeholder={ot.search.placeholder}
          aria-label={ot.search.title}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={320}
        />
        <Button type="submit" variant="light">
          {ot.search.button}
        </Button>
      </Group>
    </form>
  );
}

/** Hamlets, people (without diacritics) and documents by number, within what the user may read. */
export function SearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const results = useApiQuery(contract.search, { query: { q } }, { enabled: q !== '' });
  const hits = q ? results.data?.hits : [];
  return (
    <Stack>
      <PageHeading crumbs={homeCrumbs} title={ot.search.title} />
      <SearchBox />
      {!hits ? (
        <QueryStatus query={results} />
      ) : hits.length === 0 ? (
        q && <Text c="dimmed">{ot.search.none}</Text>
      ) : (
        <Table striped withTableBorder data-testid="search-results">
          <Table.Tbody>
            {hits.map((h) => (
              <Table.Tr key={`${h.kind}-${h.id}`}>
                <Table.Td w={110}>
                  <Badge variant="light">{ot.search.kinds[h.kind]}</Badge>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={h.path}>
                    {h.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {h.detail}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
