import { createHash, createHmac } from 'node:crypto';
import { GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import { LOCAL_IDENTITY_HASH_KEY } from '#local/environment.ts';
import {
  kmsIdentityHasher,
  localIdentityHasher,
  sameHash,
} from '#shared/identity/identity-hasher.ts';

const local = localIdentityHasher(LOCAL_IDENTITY_HASH_KEY);

describe('local identity hasher', () => {
  it('is HMAC-SHA-256 of "<purpose>:<parts>" in lowercase hex (vectors from openssl dgst -hmac)', async () => {
    expect(await local.hash('pension', '0000368915', '22334455')).toBe(
      'c92dec87371d27d0293280f6b7b565ad5813f449b46865a04abc56f8b2ad2e7c',
    );
    expect(await local.hash('booking', '31234567', '22334455')).toBe(
      'd741e350c3bfca1ce238fc961dacecf6da6985e12134fd31b3d92c8c7238bb3f',
    );
  });

  it('gives different hashes for different purposes and different keys', async () => {
    const other = localIdentityHasher('another-local-key-of-at-least-32-characters');

    const pension = await local.hash('pension', '31234567', '22334455');

    expect(await local.hash('booking', '31234567', '22334455')).not.toBe(pension);
    expect(await other.hash('pension', '31234567', '22334455')).not.toBe(pension);
    expect(await local.hash('pension', '31234567', '22334455')).toBe(pension);
  });

  it('never equals the old unkeyed SHA-256 of the same inputs', async () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

    const hashed = await local.hash('pension', '0000368915', '22334455');

    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).not.toBe(sha256('0000368915:22334455'));
    expect(hashed).not.toBe(sha256('pension:0000368915:22334455'));
  });
});

describe('KMS identity hasher', () => {
  const KEY_ARN = 'arn:aws:kms:af-south-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

  /** Answers GenerateMac as KMS would, with an HMAC under a key only the fake holds. */
  const fakeKms = () => {
    const requests: GenerateMacCommand['input'][] = [];
    const client = {
      send: async (command: unknown) => {
        if (!(command instanceof GenerateMacCommand)) throw new Error('unexpected command');
        requests.push(command.input);
        const mac = createHmac('sha256', 'key-inside-kms')
          .update(command.input.Message ?? new Uint8Array())
          .digest();
        return { Mac: new Uint8Array(mac), KeyId: KEY_ARN, MacAlgorithm: 'HMAC_SHA_256' };
      },
    } as unknown as KMSClient;
    return { client, requests };
  };

  it('asks KMS for an HMAC_SHA_256 of "<purpose>:<parts>" with the configured key', async () => {
    const { client, requests } = fakeKms();

    await kmsIdentityHasher(client, KEY_ARN).hash('booking', '31234567', '22334455');

    expect(requests).toEqual([
      {
        KeyId: KEY_ARN,
        MacAlgorithm: 'HMAC_SHA_256',
        Message: new TextEncoder().encode('booking:31234567:22334455'),
      },
    ]);
  });

  it("returns KMS's MAC as 64 lowercase hex characters", async () => {
    const { client } = fakeKms();

    const hashed = await kmsIdentityHasher(client, KEY_ARN).hash(
      'pension',
      '0000368915',
      '22334455',
    );

    expect(hashed).toBe(
      createHmac('sha256', 'key-inside-kms').update('pension:0000368915:22334455').digest('hex'),
    );
  });

  it("keeps a calling number's MAC, so a session's later steps make no KMS call", async () => {
    const { client, requests } = fakeKms();
    const hasher = kmsIdentityHasher(client, KEY_ARN);

    const first = await hasher.hash('phone', '+254712345678');
    const again = await hasher.hash('phone', '+254712345678');
    await hasher.hash('counter', 'caller', '+254712345678');
    await hasher.hash('counter', 'caller', '+254712345678');

    expect(again).toBe(first);
    expect(requests.map(({ Message }) => new TextDecoder().decode(Message))).toEqual([
      'phone:+254712345678',
      'counter:caller:+254712345678',
    ]);
  });

  it('asks KMS every time for ID numbers, typed proofs and codes', async () => {
    const { client, requests } = fakeKms();
    const hasher = kmsIdentityHasher(client, KEY_ARN);

    for (let round = 0; round < 2; round++) {
      await hasher.hash('pension', '0000368915', '22334455');
      await hasher.hash('booking', '31234567', '22334455');
      await hasher.hash('attempt', 'contact-1', 'application:12345678', '5678');
      await hasher.hash('code', 'contact-1', 'ticket', '71872926', '123456');
    }

    expect(requests).toHaveLength(8);
  });

  it('keeps only the latest numbers used', async () => {
    const { client, requests } = fakeKms();
    const hasher = kmsIdentityHasher(client, KEY_ARN, 2);

    for (const number of ['+254700000001', '+254700000002', '+254700000001', '+254700000003'])
      await hasher.hash('phone', number);
    // 1 was used after 2, so 2 was the one let go for 3.
    await hasher.hash('phone', '+254700000001');
    await hasher.hash('phone', '+254700000002');

    expect(requests.map(({ Message }) => new TextDecoder().decode(Message))).toEqual([
      'phone:+254700000001',
      'phone:+254700000002',
      'phone:+254700000003',
      'phone:+254700000002',
    ]);
  });

  it('does not keep a failed call: the next asks KMS again', async () => {
    const { client, requests } = fakeKms();
    let throttled = true;
    const flaky = {
      send: async (command: unknown) => {
        if (!throttled) return client.send(command as never);
        throttled = false;
        throw new Error('ThrottlingException');
      },
    } as unknown as KMSClient;
    const hasher = kmsIdentityHasher(flaky, KEY_ARN);

    await expect(hasher.hash('phone', '+254700000001')).rejects.toThrow('ThrottlingException');
    await expect(hasher.hash('phone', '+254700000001')).resolves.toHaveLength(64);
    expect(requests).toHaveLength(1);
  });

  it('fails rather than return an empty hash when KMS returns no MAC', async () => {
    const client = { send: async () => ({}) } as unknown as KMSClient;

    await expect(kmsIdentityHasher(client, KEY_ARN).hash('pension', '1', '2')).rejects.toThrow(
      /no MAC/,
    );
  });
});

describe('sameHash', () => {
  it('is true only for identical hashes, and false (not a throw) for different lengths', () => {
    const hash = 'c92dec87371d27d0293280f6b7b565ad5813f449b46865a04abc56f8b2ad2e7c';

    expect(sameHash(hash, hash)).toBe(true);
    expect(sameHash(hash, hash.replace('c9', 'c8'))).toBe(false);
    expect(sameHash(hash, hash.slice(1))).toBe(false);
  });
});
