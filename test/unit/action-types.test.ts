import {
  ACTION_TYPES,
  flowReference,
  KNOWN_ACTION_TYPES,
  raisesError,
  runsOn,
} from '#flows/language/action-types.ts';
import { SUPPORTED_ACTION_TYPES } from '#local/flow-engine/actions.ts';

describe('flow language action types', () => {
  it('knows every action type the local engine runs', () => {
    expect([...SUPPORTED_ACTION_TYPES].filter((type) => !KNOWN_ACTION_TYPES.has(type))).toEqual([]);
  });

  it('lets an action raise NoMatchingError unless it cannot fail, and its own errors', () => {
    expect(raisesError('InvokeLambdaFunction', 'NoMatchingError')).toBe(true);
    expect(raisesError('InvokeLambdaFunction', 'QueueAtCapacity')).toBe(false);
    expect(raisesError('TransferContactToQueue', 'QueueAtCapacity')).toBe(true);
    expect(raisesError('Loop', 'NoMatchingError')).toBe(false);
    expect(raisesError('NoSuchAction', 'NoMatchingError')).toBe(false);
  });

  it('requires every error branch an action must have to be one it can raise', () => {
    for (const [type, spec] of Object.entries(ACTION_TYPES)) {
      const required: readonly string[] = 'requiredErrors' in spec ? spec.requiredErrors : [];
      for (const errorType of required)
        expect([type, raisesError(type, errorType)]).toEqual([type, true]);
    }
  });

  it('names the flow a transfer or module call moves the contact to', () => {
    const action = (Type: string, Parameters: Record<string, unknown>) => ({
      Identifier: 'a',
      Type,
      Parameters,
      Transitions: {},
    });
    expect(flowReference(action('TransferToFlow', { ContactFlowId: 'arn:flow' }))).toBe('arn:flow');
    expect(flowReference(action('InvokeFlowModule', { FlowModuleId: 'arn:module' }))).toBe(
      'arn:module',
    );
    expect(flowReference(action('MessageParticipant', { Text: 'Hi' }))).toBeUndefined();
  });

  // AWS, "Supported channels for flow blocks" (Voice, Chat, Task, Email): Y runs, N error branch.
  it.each([
    ['GetParticipantInput', { Text: 'Press 1', StoreInput: 'False' }, 'YNNN'],
    ['GetParticipantInput', { Text: 'Hi', LexV2Bot: { AliasArn: 'arn:lex' } }, 'YYNN'],
    ['GetParticipantInput', { Text: 'Key it', StoreInput: 'True' }, 'YNNN'],
    ['MessageParticipant', { Text: 'Hello' }, 'YYYY'],
    ['MessageParticipant', { PromptId: 'arn:prompt' }, 'YNNN'],
    ['MessageParticipantIteratively', { Messages: [] }, 'YNNN'],
    ['UpdateContactCallbackNumber', { CallbackNumber: '$.CustomerEndpoint.Address' }, 'YNNN'],
    ['TransferParticipantToThirdParty', { ThirdPartyPhoneNumber: '+254700000000' }, 'YNNN'],
    ['UpdateContactMediaStreamingBehavior', { MediaStreamingState: 'Enabled' }, 'YNNN'],
    ['UpdateContactEventHooks', { EventHooks: { CustomerHold: 'arn:flow' } }, 'YNNN'],
    ['UpdateContactEventHooks', { EventHooks: { CustomerQueue: 'arn:flow' } }, 'YYYY'],
    ['Wait', { TimeoutSeconds: '60' }, 'NYYY'],
    ['CreatePersistentContactAssociation', {}, 'NYNN'],
    ['AuthenticateParticipant', {}, 'NYNN'],
    ['ShowView', {}, 'NYNY'],
    ['CreateWisdomSession', {}, 'YYNY'],
    ['CheckVoiceId', {}, 'YNNN'],
    ['InvokeLambdaFunction', { LambdaFunctionARN: 'arn:fn' }, 'YYYY'],
    ['CheckHoursOfOperation', {}, 'YYYY'],
    ['TransferContactToQueue', {}, 'YYYY'],
  ])('runs %s %j on the channels AWS lists (%s)', (Type, Parameters, expected) => {
    const action = { Identifier: 'a', Type, Parameters, Transitions: {} } as never;
    const channels = (['VOICE', 'CHAT', 'TASK', 'EMAIL'] as const)
      .map((channel) => (runsOn(action, channel) ? 'Y' : 'N'))
      .join('');
    expect(channels).toBe(expected);
  });
});
