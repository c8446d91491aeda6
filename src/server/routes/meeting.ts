/** The community meeting's agenda votes and show-of-hands count: routes of the `meeting` contract. */
import * as contract from '../../contract/meeting';
import { meeting } from '../../services';
import type { FeatureRoutes } from '../app';
import { route } from '../contract-route';

const meetingRoutes: FeatureRoutes = (app, ctx) => {
  route(app, ctx, contract.getMeeting, ({ params }, { actor }) => meeting.getMeeting(ctx, actor, params.id));
  route(app, ctx, contract.recordMeetingVote, ({ params, body }, { actor }) =>
    meeting.recordMeetingVote(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.switchToHouseholdBallots, ({ params, body }, { actor }) =>
    meeting.switchToHouseholdBallots(ctx, actor, params.id, body ?? {}),
  );
  route(app, ctx, contract.nominateAtMeeting, ({ params, body }, { actor }) =>
    meeting.nominateAtMeeting(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.recordMeetingHands, ({ params, body }, { actor }) =>
    meeting.recordMeetingHands(ctx, actor, params.id, body),
  );
  route(app, ctx, contract.issueMeetingMinutes, ({ params, body }, { actor }) =>
    meeting.issueMeetingMinutes(ctx, actor, params.id, body ?? {}),
  );
};
export default meetingRoutes;
