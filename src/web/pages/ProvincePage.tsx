import { Anchor, Breadcrumbs, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import type { Me, ProvinceView } from '../api';
import { Status } from '../Status';
import { numberFormat, t } from '../strings';
import { useLoad } from '../use-load';

/** The administrator's entry point: every province. */
export function ProvincesPage(props: { me: Me }) {
  const provinces = props.me.home.kind === 'all' ? props.me.home.provinces : [];
  return (
    <>
      <Title order={2} mb="md">
        {t.province.all}
      </Title>
      <Table striped highlightOnHover withTableBorder maw={600}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.province.code}</Table.Th>
            <Table.Th>{t.province.name}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {provinces.map((p) => (
            <Table.Tr key={p.code}>
              <Table.Td>{p.code}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/tinh/${p.code}`}>
                  {p.name}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** A province: its communes, with how many hamlets each has recorded. */
export function ProvincePage() {
  const { code = '' } = useParams();
  const [load, reload] = useLoad(() => api.get<ProvinceView>(`/api/provinces/${code}`), [code]);
  const [filter, setFilter] = useState('');
  if (load.state !== 'ready') return <Status load={load} onRetry={reload} />;
  const { province, communes } = load.data;
  const q = filter.trim().toLowerCase();
  const shown = q ? communes.filter((c) => c.name.toLowerCase().includes(q) || c.code.includes(q)) : communes;
  return (
    <>
      <Breadcrumbs mb="sm">
        <Text>{province.name}</Text>
      </Breadcrumbs>
      <Title order={2}>{province.name}</Title>
      <Text c="dimmed" mb="md">
        {t.province.communesCount(communes.length)}
      </Text>
      <TextInput
        placeholder="Lọc theo tên hoặc mã"
        aria-label="Lọc xã, phường"
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={360}
        mb="sm"
      />
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.province.code}</Table.Th>
            <Table.Th>{t.province.communes}</Table.Th>
            <Table.Th ta="right">{t.province.hamlets}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.code}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/xa/${c.id}`}>
                  {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{numberFormat.format(c.hamlets)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
