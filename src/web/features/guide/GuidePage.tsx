import {
  Alert,
  Anchor,
  Blockquote,
  Box,
  Code,
  Container,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { t } from '../../shared/strings';
import { chapterName, GUIDE_PATH, linkTarget, parseInline, parseMarkdown } from './markdown';
import type { Block, Inline } from './markdown';
import { guideText as tg } from './strings';

// The chapters and their pictures are the files of docs/huong-dan, bundled at build time: the guide
// works from a fresh clone and offline, and the repository's copy (read on GitHub) is the same text.
const chapters = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../../docs/huong-dan/*.md', { query: '?raw', import: 'default' }),
  ).map(([path, load]) => [chapterName(path), load]),
);
const pictures: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../../docs/huong-dan/anh/*.png', {
      query: '?url',
      import: 'default',
      eager: true,
    }),
  ).map(([path, url]) => [`anh/${path.replace(/^.*\//, '')}`, url]),
);

function Picture(props: { src: string; alt: string }) {
  const url = pictures[props.src];
  if (!url) return <Text c="dimmed">{props.alt}</Text>;
  return (
    <img
      src={url}
      alt={props.alt}
      loading="lazy"
      // At its own size (a phone's picture stays phone-wide), never wider than the page: the column's
      // flex layout would otherwise stretch it.
      style={{
        alignSelf: 'flex-start',
        maxWidth: '100%',
        height: 'auto',
        border: '1px solid var(--mantine-color-gray-3)',
      }}
    />
  );
}

function Inlines(props: { items: readonly Inline[] }): ReactNode {
  return props.items.map((item, i) => {
    switch (item.kind) {
      case 'text':
        return <Fragment key={i}>{item.text}</Fragment>;
      case 'bold':
        return (
          <b key={i}>
            <Inlines items={item.children} />
          </b>
        );
      case 'code':
        return <Code key={i}>{item.text}</Code>;
      case 'image':
        return <Picture key={i} src={item.src} alt={item.alt} />;
      case 'link': {
        const target = linkTarget(item.href);
        const children = <Inlines items={item.children} />;
        if (target.kind === 'chapter') {
          return (
            <Anchor key={i} component={Link} to={target.path}>
              {children}
            </Anchor>
          );
        }
        if (target.kind === 'external') {
          return (
            <Anchor key={i} href={target.href} target="_blank" rel="noreferrer">
              {children}
            </Anchor>
          );
        }
        return <Fragment key={i}>{children}</Fragment>;
      }
    }
  });
}

const text = (s: string) => <Inlines items={parseInline(s)} />;

function BlockView(props: { block: Block }): ReactNode {
  const b = props.block;
  switch (b.kind) {
    case 'heading':
      return (
        <Title
          order={b.level}
          size={b.level === 1 ? 'h2' : b.level === 2 ? 'h3' : 'h4'}
          mt={b.level > 1 ? 'md' : 0}
        >
          {text(b.text)}
        </Title>
      );
    case 'paragraph':
      return <Text>{text(b.text)}</Text>;
    case 'quote':
      return (
        <Blockquote color="red" p="sm">
          {text(b.text)}
        </Blockquote>
      );
    case 'image':
      return <Picture src={b.src} alt={b.alt} />;
    case 'list':
      return (
        <List type={b.ordered ? 'ordered' : 'unordered'} spacing={4}>
          {b.items.map((item, i) => (
            <List.Item key={i}>{text(item)}</List.Item>
          ))}
        </List>
      );
    case 'table':
      return (
        // A table wider than a phone scrolls sideways: the region takes the keyboard's focus so it can
        // be scrolled without a pointer (axe: scrollable-region-focusable).
        <Table.ScrollContainer
          minWidth={480}
          scrollAreaProps={{
            viewportProps: { tabIndex: 0, role: 'region', 'aria-label': b.head.join(', ') },
          }}
        >
          <Table withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                {b.head.map((h, i) => (
                  <Table.Th key={i}>{text(h)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.rows.map((row, r) => (
                <Table.Tr key={r}>
                  {row.map((c, i) => (
                    <Table.Td key={i}>{text(c)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
  }
}

/**
 * /huong-dan and /huong-dan/:chapter, open without signing in: the user guide of docs/huong-dan, its
 * README as the table of contents.
 */
export function GuidePage() {
  const { chapter = 'README' } = useParams();
  const [source, setSource] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const load = chapters[chapter];
    setSource(undefined);
    if (!load) return setSource(null);
    let current = true;
    load().then(
      (s) => current && setSource(s),
      () => current && setSource(null),
    );
    window.scrollTo(0, 0);
    return () => {
      current = false;
    };
  }, [chapter]);

  return (
    <Container size={980} px="md" py="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" component="nav" aria-label={tg.title}>
          <Group gap="sm">
            <Anchor component={Link} to="/" underline="never">
              <Title order={3} c="red.8" component="span">
                {t.appName}
              </Title>
            </Anchor>
            <Anchor component={Link} to={GUIDE_PATH} size="sm">
              {tg.title}: {tg.contents}
            </Anchor>
          </Group>
          <Anchor component={Link} to="/" size="sm">
            {tg.back}
          </Anchor>
        </Group>
        <Box component="main" data-testid="guide">
          <Stack gap="sm">
            {source === undefined && <Text c="dimmed">{tg.loading}</Text>}
            {source === null && <Alert color="yellow">{tg.missing}</Alert>}
            {source && parseMarkdown(source).map((b, i) => <BlockView key={i} block={b} />)}
          </Stack>
        </Box>
      </Stack>
    </Container>
  );
}
