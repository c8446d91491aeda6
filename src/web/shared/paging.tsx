import { Group, Pagination, Text } from '@mantine/core';
import { tScale } from './strings';

/** Rows per page of the long tables (a province's communes, a large commune's hamlets). */
export const PAGE_SIZE = 50;

/** One page of rows; the page is clamped, so a shorter list after filtering never shows an empty page. */
export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return {
    rows: rows.slice((current - 1) * size, current * size),
    page: current,
    pages,
    total: rows.length,
    size,
  };
}

/** Page links under a table; nothing when everything fits on one page. */
export function PageControl(props: {
  paged: ReturnType<typeof pageOf<unknown>>;
  onChange: (page: number) => void;
}) {
  const { page, pages, total, size } = props.paged;
  if (pages <= 1) return null;
  return (
    <Group gap="md" data-testid="page-control">
      <Pagination total={pages} value={page} onChange={props.onChange} size="sm" />
      <Text size="sm" c="dimmed">
        {tScale.page((page - 1) * size + 1, Math.min(total, page * size), total)}
      </Text>
    </Group>
  );
}
