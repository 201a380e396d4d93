import { execFileSync } from 'node:child_process';

/** Runs a local command as `npm run` does; throws (with status and stderr) when it fails. */
const run = (script: string, ...args: string[]) =>
  execFileSync(
    process.execPath,
    ['--import', './local/preload.ts', `local/cli/${script}.ts`, ...args],
    {
      encoding: 'utf8',
      stdio: 'pipe',
    },
  );

/** Exit 2, the reason first, then the command's usage. */
const failsWith = (reason: string) =>
  expect.objectContaining({
    status: 2,
    stderr: expect.stringMatching(
      new RegExp(
        `^${reason.replace(/[-[\]()]/g, '\\$&')}[^\\n]*\\n\\n.*(Usage|npm run|npm start)`,
        's',
      ),
    ),
  });

describe('a local command given bad input', () => {
  it.each([
    ['a stray argument', ['1,0'], "Unexpected argument '1,0'"],
    ['a mistyped option', ['--kyes', '1'], "Unknown option '--kyes'"],
    ['a time that is not one', ['--keys', '1', '--at', 'tonight'], '--at must be an ISO time'],
    [
      'a wait that is not a number',
      ['--keys', '1', '--agent-after', 'soon'],
      '--agent-after must be a number of seconds',
    ],
  ])('call: says why, then how to use it, for %s (exit 2)', (_, args, reason) => {
    expect(() => run('call', ...args)).toThrow(failsWith(reason));
  });

  it.each([
    [['--channel', 'fax'], '--channel is one of web, whatsapp, sms'],
    [['--channel', 'sms', '--from', '0712', '--messages', 'hi'], '--from must be a phone number'],
  ])('chat: refuses %j, saying why, before starting DynamoDB Local', (args, reason) => {
    expect(() => run('chat', ...args)).toThrow(failsWith(reason));
  });

  it('start: refuses an unknown call-back mode before starting DynamoDB Local', () => {
    let failure: { status?: number; stdout?: string; stderr?: string } = {};
    try {
      run('start', '--callbacks', 'sometimes');
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure).toEqual(failsWith('--callbacks must be answer or no-answer'));
    expect(failure.stdout).not.toContain('Starting DynamoDB Local');
  });
});
