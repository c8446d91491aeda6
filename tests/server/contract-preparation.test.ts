import { beforeAll, afterAll, expect, it } from 'vitest';
import { expectDescribed } from '../support/openapi';
import type { FastifyInstance } from 'fastify';
import type { EndpointDef } from '../../src/contract/endpoint';
import * as candidates from '../../src/contract/candidates';
import * as complaints from '../../src/contract/complaints';
import * as documents from '../../src/contract/documents';
import * as plan from '../../src/contract/plan';
import * as team from '../../src/contract/team';
import { renderDocx } from '../../src/documents/render-docx';
import { buildServer } from '../../src/server/app';
import { demo } from '../../src/services';
import { describeEachDatabase } from '../support/databases';

const isEndpoint = (v: unknown): v is EndpointDef =>
  typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'response' in v;
const endpoints = [plan, candidates, team, complaints, documents].flatMap((m) =>
  Object.values(m).filter(isEndpoint),
);

/** Vietnamese text: at least one letter only Vietnamese spells with. */
const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

describeEachDatabase('preparation and documents on the contract', (t) => {
  let app: FastifyInstance;
  let cookie = '';
  beforeAll(async () => {
    await demo.loadDemo(t.ctx());
    app = await buildServer(t.ctx(), { webRoot: '/nonexistent' });
    await app.ready();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ubnd.phuong2', password: demo.DEMO_PASSWORD },
    });
    cookie = `baucoso_session=${res.cookies.find((c) => c.name === 'baucoso_session')!.value}`;
  });
  afterAll(async () => app.close());

  const get = (url: string) => app.inject({ url, headers: { cookie } });
  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });

  it('describes every route with its answer and its failure statuses', () => {
    expect(endpoints.length).toBe(34);
    expectDescribed(app, endpoints, ['invalid-input', 'forbidden', 'not-found']);
  });

  it('refuses a malformed round with 400 and a Vietnamese message, and plans nothing', async () => {
    const before = (await get('/api/communes/24820/rounds')).json();
    const bad = await post('/api/communes/24820/rounds', {
      termLabel: 2027,
      profileId: 'nd59-2023',
      form: 'meeting',
      hamlets: 'Khu phố 2',
      planDate: '2024-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid-input');
    expect(bad.json().error.message).toMatch(vietnamese);
    expect((await get('/api/communes/24820/rounds')).json()).toEqual(before);
  });

  it('refuses a template sent as JSON with 415', async () => {
    const res = await post('/api/communes/24820/forms/plan/template', { file: 'x' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(vietnamese);
  });

  it('takes a commune template as raw bytes with its name in X-File-Name, and drops it again', async () => {
    const bytes = await renderDocx({
      meta: { title: 'Giấy mời', date: '2024-11-08' },
      blocks: [{ kind: 'paragraph', runs: ['Kính mời {{invitee}} dự họp tại {{venue}}.'] }],
    });
    const up = await app.inject({
      method: 'POST',
      url: '/api/communes/24820/forms/invitation/template',
      headers: {
        cookie,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('giấy mời.docx'),
      },
      payload: bytes,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().placeholders).toEqual(['invitee', 'venue']);
    const forms = (await get('/api/communes/24820/forms')).json<documents.FormEntry[]>();
    expect(forms.find((f) => f.id === 'invitation')?.template?.fileName).toBe('giấy mời.docx');
    const sample = await get('/api/communes/24820/forms/invitation/sample/docx');
    expect(sample.statusCode).toBe(200);
    expect(sample.headers['content-disposition']).toContain('mau-invitation.docx');
    const dropped = await app.inject({
      method: 'DELETE',
      url: '/api/communes/24820/forms/invitation/template',
      headers: { cookie },
    });
    expect(dropped.json()).toEqual({ removed: 1 });
  });

  it('plans a round and answers every read and write in the shape its contract declares', async () => {
    const commune = (await get('/api/communes/24820')).json<{ hamlets: { id: string; name: string }[] }>();
    const hamlet = commune.hamlets.find((h) => h.name === 'Khu phố 2')!;
    const made = await post('/api/communes/24820/rounds', {
      termLabel: '2027-2032',
      profileId: 'nd59-2023',
      form: 'meeting',
      electorate: 'householdRepresentatives',
      chairName: 'Lê Thanh Bình',
      frontChairName: 'Trần Thị Kim Loan',
      planDate: '2024-10-01',
      hamlets: [
        { hamletId: hamlet.id, electionDate: '2024-11-10', startTime: '07:30', venue: 'Nhà văn hóa' },
      ],
    });
    expect(made.statusCode, made.body).toBe(201);
    const round = plan.roundView.parse(made.json());
    expect((await get(`/api/rounds/${round.id}`)).statusCode).toBe(200);
    const task = round.tasks[0]!;
    const edited = await post(`/api/tasks/${task.id}`, { status: 'doing', version: task.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().status).toBe('doing');
    const stale = await post(`/api/tasks/${task.id}`, { status: 'done', version: task.version });
    expect(stale.statusCode).toBe(409);

    const electionId = round.elections[0]!.id;
    expect((await get(`/api/elections/${electionId}/lifecycle`)).statusCode).toBe(200);
    const people = (await get(`/api/elections/${electionId}/residents?q=nguyen`)).json<
      { id: string; ageOnElectionDay: number }[]
    >();
    const adult = people.find((p) => p.ageOnElectionDay >= 30)!;
    const badNomination = await post(`/api/elections/${electionId}/nominations`, {
      residentId: adult.id,
      source: 'neighbours',
      nominatedOn: '2024-10-02',
    });
    expect(badNomination.statusCode).toBe(400);
    expect(badNomination.json().error.message).toMatch(vietnamese);
    expect((await get(`/api/elections/${electionId}/candidates`)).json().nominations).toEqual([]);
    const nominated = await post(`/api/elections/${electionId}/nominations`, {
      residentId: adult.id,
      source: 'frontCommittee',
      nominatedOn: '2024-10-02',
      education: '12/12',
      occupation: 'Hưu trí',
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    const upload = await app.inject({
      method: 'POST',
      url: `/api/nominations/${nominated.json().id}/files?kind=letter&name=don.pdf&type=application/pdf`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4 đơn'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = await get(`/api/candidate-files/${upload.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // Judged by the bytes, not the name or the claimed type: a web page, a script or a program is
    // refused with 415 and stores nothing; a path in the name is cut to its last part.
    const dossier = (name: string, type: string, bytes: Buffer) =>
      app.inject({
        method: 'POST',
        url: `/api/nominations/${nominated.json().id}/files?kind=other&name=${encodeURIComponent(name)}&type=${encodeURIComponent(type)}`,
        headers: { cookie, 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
    const filesBefore = (await get(`/api/elections/${electionId}/candidates`)).json().nominations[0].files
      .length;
    for (const [name, type, bytes] of [
      ['trang.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>')],
      ['x.js', 'text/javascript', Buffer.from('alert(1)')],
      ['setup.exe', 'application/x-msdownload', Buffer.from('MZ\x90\x00\x03')],
    ] as const) {
      const refused = await dossier(name, type, bytes);
      expect(refused.statusCode, name).toBe(415);
      expect(refused.json().error.code).toBe('unsupported-file');
      expect(refused.json().error.message).toMatch(/Chỉ nhận tệp PDF/);
    }
    expect((await get(`/api/elections/${electionId}/candidates`)).json().nominations[0].files).toHaveLength(
      filesBefore,
    );
    const traversal = await dossier('../../../../etc/passwd', 'text/html', Buffer.from('%PDF-1.7 scan'));
    expect(traversal.statusCode, traversal.body).toBe(201);
    expect(traversal.json().file_name).toBe('passwd.pdf');
    expect(traversal.json().content_type).toBe('application/pdf');
    const served = await get(`/api/candidate-files/${traversal.json().id}`);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(String(served.headers['content-disposition'])).toMatch(/^attachment;/);
    for (const url of ['candidates', 'meetings', 'team', 'complaints', 'documents'])
      expect((await get(`/api/elections/${electionId}/${url}`)).statusCode, url).toBe(200);
    const complaint = await post(`/api/elections/${electionId}/complaints`, {
      subject: 'candidate',
      nominationId: nominated.json().id,
      complainant: 'Võ Văn Tư',
      content: 'Không đúng nơi cư trú.',
      receivedOn: '2024-10-03',
    });
    expect(complaint.statusCode, complaint.body).toBe(201);

    const issued = await post(`/api/rounds/${round.id}/documents/plan`, {});
    expect(issued.statusCode, issued.body).toBe(201);
    const pdf = await get(`/api/preparation/documents/${issued.json().id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const listed = (await get('/api/communes/24820/documents')).json<{ id: string }[]>();
    expect(listed.map((d) => d.id)).toContain(issued.json().id);
    const forms = await get('/api/communes/24820/forms');
    expect(forms.statusCode).toBe(200);
  });
});
