import { Alert, Button, Container, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import * as contract from '../../../contract/public-verify';
import type { PublicVerification } from '../../../contract/public-verify';
import { parseVerificationCode, verificationPath } from '../../../domain/documents';
import { call, errorText } from '../../shared/client';
import { vnDate } from '../../shared/format';
import { verifyText as tv } from './strings';

type Answer =
  | { readonly kind: 'none' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly value: PublicVerification }
  | { readonly kind: 'error'; readonly text: string };

/**
 * /kiem-tra and /kiem-tra/:code, without signing in: a resident types the code printed on a
 * paper (or opens the QR's address) and reads whether the paper still matches the record.
 */
export function VerifyPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code ?? '');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer>({ kind: 'none' });

  useEffect(() => {
    if (!code) return setAnswer({ kind: 'none' });
    setTyped(code);
    setAnswer({ kind: 'busy' });
    call(contract.verifyDocument, { params: { code } }).then(
      (value) => setAnswer({ kind: 'done', value }),
      (e: unknown) => setAnswer({ kind: 'error', text: errorText(e) }),
    );
  }, [code]);

  const submit = () => {
    const parsed = parseVerificationCode(typed);
    if (!parsed) return setTypedError(tv.codeWrong);
    setTypedError(null);
    void navigate(verificationPath(parsed));
  };

  return (
    <Container component="main" size={560} px="md" py="lg">
      <Stack gap="md">
        <Title order={1} size="h2">
          {tv.title}
        </Title>
        <Text>{tv.intro}</Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="xs">
            <TextInput
              label={tv.codeLabel}
              placeholder={tv.codePlaceholder}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              error={typedError}
              size="lg"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
            />
            <Button type="submit" size="lg" loading={answer.kind === 'busy'}>
              {tv.check}
            </Button>
          </Stack>
        </form>
        {answer.kind === 'error' && (
          <Alert color="orange" title={tv.notFound} data-testid="verify-answer">
            {answer.text}
          </Alert>
        )}
        {answer.kind === 'done' && <Verdict v={answer.value} />}
      </Stack>
    </Container>
  );
}

function Verdict({ v }: { v: PublicVerification }) {
  const place = [v.hamlet, v.commune].filter(Boolean).join(', ');
  return (
    <Stack gap="sm">
      {v.matches ? (
        <Alert color="green" title={tv.matches} data-testid="verify-answer">
          {tv.matchesDetail}
        </Alert>
      ) : (
        <Alert color="red" title={tv.mismatch} data-testid="verify-answer">
          <Stack gap={4}>
            <Text size="sm">{tv.mismatchDetail}</Text>
            <List size="sm">
              {v.problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
            <Text size="sm" fw={600}>
              {tv.mismatchAdvice}
            </Text>
          </Stack>
        </Alert>
      )}
      {v.replaced && <Alert color="yellow">{tv.replaced}</Alert>}
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          <Row label={tv.documentTitle} value={v.title} />
          <Row label={tv.number} value={v.number ?? tv.noNumber} />
          <Row label={tv.date} value={v.date ? vnDate(v.date) : '—'} />
          <Row label={tv.place} value={place || '—'} />
          <Row label={tv.chain} value={v.chainSeq === null ? '—' : tv.chainSeq(v.chainSeq)} />
          <Row label={tv.hash} value={<span style={{ wordBreak: 'break-all' }}>{v.hash}</span>} />
          {(Object.keys(tv.checks) as (keyof typeof tv.checks)[]).map((k) => (
            <Row
              key={k}
              label={tv.checks[k]}
              value={
                <Text span c={v.checks[k] ? 'green.8' : 'red.8'} fw={600}>
                  {v.checks[k] ? tv.ok : tv.bad}
                </Text>
              }
            />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="40%">{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}
