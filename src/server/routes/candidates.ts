/** Candidates of an election: residents, nominations and their dossiers, meetings, the official list. */
import * as contract from '../../contract/candidates';
import { MIME } from '../../contract/endpoint';
import { ok } from '../../domain/result';
import { candidates } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const candidatesRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.searchResidents, ({ params, query }, { actor }) =>
    candidates.searchResidents(ctx, actor, params.id, query.q ?? ''),
  );
  route(app, ctx, contract.getCandidates, ({ params }, { actor }) =>
    candidates.getCandidates(ctx, actor, params.id),
  );
  route(app, ctx, contract.nominate, ({ params, body }, { actor }) =>
    candidates.nominate(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.recordException, ({ params, body }, { actor }) =>
    candidates.recordException(ctx, actor, params.id, body.reason),
  );
  route(app, ctx, contract.uploadDossierFile, ({ params, query, body }, { actor }) =>
    candidates.uploadDossierFile(ctx, actor, params.id, {
      kind: query.kind,
      fileName: query.name ?? 'ho-so',
      contentType: query.type ?? MIME.octet,
      bytes: body,
    }),
  );
  route(app, ctx, contract.downloadDossierFile, async ({ params }, { actor }) => {
    const result = await candidates.downloadDossierFile(ctx, actor, params.id);
    if (!result.ok) return result;
    const { info, bytes } = result.value;
    return ok({ bytes, fileName: info.file_name, type: info.content_type });
  });
  route(app, ctx, contract.getMeetings, ({ params }, { actor }) =>
    candidates.getMeetings(ctx, actor, params.id),
  );
  route(app, ctx, contract.recordMeeting, ({ params, body }, { actor }) =>
    candidates.recordMeeting(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.fixOfficialList, ({ params, body }, { actor }) =>
    candidates.fixOfficialList(ctx, actor, params.id, body),
  );
};
export default candidatesRoutes;
