import { maskPhoneNumber, screenPop } from '../../agent-desktop/src/screen-pop.ts';

describe('maskPhoneNumber', () => {
  it.each([
    ['+254712345678', '+254 ••• ••• 678'],
    ['+254 712 345 678', '+254 ••• ••• 678'],
    ['0712345678', '• ••• ••• 678'],
    ['+27211234567', '+•• ••• ••• 567'],
  ])('hides all but the Kenyan country code and the last three digits of %s', (number, masked) => {
    expect(maskPhoneNumber(number)).toBe(masked);
  });

  it.each([undefined, '', 'anonymous', '12'])('reports %p as withheld', (number) => {
    expect(maskPhoneNumber(number)).toBe('Withheld');
  });
});

describe('screenPop', () => {
  it('shows the language, the IVR journey and the reason for calling', () => {
    const pop = screenPop({
      callerNumber: '+254712345678',
      queueName: 'General enquiries',
      attributes: {
        lang: 'sw',
        journey: 'tracking:NOT_FOUND, tracking:FOUND,agent',
        intent: 'tracking',
        reference: '12345678',
        verified: 'true',
      },
    });
    expect(pop).toEqual({
      caller: '+254 ••• ••• 678',
      language: 'Kiswahili',
      queue: 'General enquiries',
      journey: ['Document tracking: not found', 'Document tracking: found', 'Asked for an agent'],
      details: [
        ['Reason for calling', 'Document tracking'],
        ['Reference', '12345678'],
        ['Identity verified', 'Yes'],
      ],
      transcript: [],
    });
  });

  it('says so when the caller did nothing in the IVR and chose no language', () => {
    const pop = screenPop({ attributes: {} });
    expect(pop.language).toBe('Not chosen');
    expect(pop.journey).toEqual(['No self-service steps recorded']);
    expect(pop.caller).toBe('Withheld');
    expect(pop.queue).toBeUndefined();
  });

  it('shows the attributes it names, labelled, and no other: not routing state, a transcript or personal data', () => {
    const pop = screenPop({
      attributes: {
        centreId: 'nac-001',
        serviceId: 'passport',
        requestType: 'no-such-request',
        handoverReason: 'SELF_SERVICE_FAILED',
        openComplaints: '1',
        requestReference: ' ',
        agentQueue: 'arn:aws:connect:af-south-1:000000000000:instance/local/queue/general',
        menuFlow: 'arn:aws:connect:af-south-1:000000000000:instance/local/contact-flow/menu',
        categoryPage: '2',
        waitingMessage: 'You are now in the queue for an agent.',
        transcript: 'Customer: my ID number is 22334455',
        phoneNumber: '+254712345678',
        callbackNumber: '0712345678',
        idNumber: '12345678',
        callerName: 'Wanjiku',
      },
    });
    expect(pop.details).toEqual([
      ['Why an agent', 'self-service could not help'],
      ['Open complaints (calling number)', '1'],
      ['Centre', 'GPO Huduma Centre'],
      ['Service', 'Passport application (via eCitizen; biometrics at designated centres)'],
      ['Pension request', 'no-such-request'],
    ]);
  });

  it("lists a web chat's self-service transcript line by line, apart from the details", () => {
    const pop = screenPop({
      attributes: {
        transcript: 'Customer: 2\nHuduma: Please send your 8-digit application number.\n\n',
      },
    });
    expect(pop.transcript).toEqual([
      'Customer: 2',
      'Huduma: Please send your 8-digit application number.',
    ]);
    expect(pop.details).toEqual([]);
  });

  it('says a web chat has no number rather than that it was withheld', () => {
    expect(screenPop({ attributes: { channel: 'web' } }).caller).toBe('No number (web chat)');
    expect(screenPop({ attributes: { channel: 'SMS' } }).caller).toBe('Withheld');
  });

  it('keeps unknown steps and outcomes readable', () => {
    const pop = screenPop({ attributes: { journey: 'licensing:SOME_NEW_OUTCOME' } });
    expect(pop.journey).toEqual(['licensing: some new outcome']);
  });
});
