import { readFileSync } from 'node:fs';
import { nairobiTime } from '#local/server.ts';
import { SERVER_FILE } from '#local/server-file.ts';
import { CLOCK_FILE, parseShift, readClockOffset, writeClockOffset } from '#local/sim-clock.ts';

const USAGE = `Moves the local contact centre's clock forward (a 72-hour story in seconds).

  npm run clock -- +25h        (also +90m, +3d)
  npm run clock -- 2026-12-04T09:00:00+03:00
  npm run clock                (shows the local time)

With npm start or npm run serve running, the escalation, call-backs and notifications due on
the way happen in order and are printed; otherwise the next start begins at the new time.`;

const arg = process.argv[2];
if (arg === '--help' || arg === '-h') {
  console.log(USAGE);
  process.exit(0);
}

const server = (() => {
  try {
    return (JSON.parse(readFileSync(SERVER_FILE, 'utf8')) as { url: string }).url;
  } catch {
    return undefined;
  }
})();

const request = (path: string, init?: RequestInit) =>
  fetch(`${server}${path}`, { ...init, signal: AbortSignal.timeout(120_000) }).then(
    (response) => response.json() as Promise<Record<string, unknown>>,
  );

type Move = { shift: string; to?: undefined } | { to: string; shift?: undefined };
const body: Move | undefined =
  arg === undefined ? undefined : parseShift(arg) !== undefined ? { shift: arg } : { to: arg };
if (body?.to && Number.isNaN(Date.parse(body.to))) {
  console.error(USAGE);
  process.exit(2);
}

const reachable = server
  ? await request('/local/clock').then(
      () => true,
      () => false,
    )
  : false;

if (reachable) {
  const result = body
    ? await request('/local/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    : await request('/local/clock');
  if (result.error) {
    console.error(result);
    process.exit(2);
  }
  console.log(`Local time: ${result.local}`);
  for (const message of (result.sent as Record<string, string>[] | undefined) ?? [])
    console.log(
      `  ${message.channel === 'email' ? '✉ ' : '💬'} ${message.to}: ${message.subject ? `[${message.subject}] ` : ''}${message.text}`,
    );
  for (const call of (result.calls as Record<string, unknown>[] | undefined) ?? [])
    console.log(
      `  📞 ${call.at} call-back of ${call.reference} to ${call.to}: ${call.answered ? 'answered' : 'no answer'}`,
    );
  for (const contactId of (result.chatsExpired as string[] | undefined) ?? [])
    console.log(`  💬 chat ${contactId} ended: its 25 hours lapsed (EXPIRED)`);
} else {
  const now = Date.now();
  const offset = readClockOffset(CLOCK_FILE);
  let target = now + offset;
  if (body?.shift) target += parseShift(body.shift)!;
  if (body?.to) target = Date.parse(body.to);
  if (body) writeClockOffset(target - now, CLOCK_FILE);
  console.log(
    `Local time: ${nairobiTime(target)}${body ? ' (no local server running: the next npm start begins here)' : ''}`,
  );
}
