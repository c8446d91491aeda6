import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import type { SearchResults } from '../../shared/api';
import { Status } from '../../shared/Status';
import { to } from '../../shared/strings';
import { useLoad } from '../../shared/use-load';

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
          placeholder={to.search.placeholder}
          aria-label={to.search.title}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={320}
        />
        <Button type="submit" variant="light">
          {to.search.button}
        </Button>
      </Group>
    </form>
  );
}

/** Hamlets, people (without diacritics) and documents by number, within what the user may read. */
export function SearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const [load, reload] = useLoad(
    () =>
      q
        ? api.get<SearchResults>(`/api/search?q=${encodeURIComponent(q)}`)
        : Promise.resolve({ query: '', hits: [] }),
    [q],
  );
  return (
    <Stack>
      <Title order={2}>{to.search.title}</Title>
      <SearchBox />
      {load.state !== 'ready' ? (
        <Status load={load} onRetry={reload} />
      ) : load.data.hits.length === 0 ? (
        q && <Text c="dimmed">{to.search.none}</Text>
      ) : (
        <Table striped withTableBorder data-testid="search-results">
          <Table.Tbody>
            {load.data.hits.map((h) => (
              <Table.Tr key={`${h.kind}-${h.id}`}>
                <Table.Td w={110}>
                  <Badge variant="light">{to.search.kinds[h.kind]}</Badge>
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
