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
    });
  });

  it('says so when the caller did nothing in the IVR and chose no language', () => {
    const pop = screenPop({ attributes: {} });
    expect(pop.language).toBe('Not chosen');
    expect(pop.journey).toEqual(['No self-service steps recorded']);
    expect(pop.caller).toBe('Withheld');
    expect(pop.queue).toBeUndefined();
  });

  it('shows other attributes but never personal data', () => {
    const pop = screenPop({
      attributes: {
        centre: 'gpo',
        phoneNumber: '+254712345678',
        idNumber: '12345678',
        callerName: 'Wanjiku',
        callbackMsisdn: '+254700000000',
        empty: ' ',
      },
    });
    expect(pop.details).toEqual([['centre', 'gpo']]);
  });

  it('keeps unknown steps and outcomes readable', () => {
    const pop = screenPop({ attributes: { journey: 'licensing:SOME_NEW_OUTCOME' } });
    expect(pop.journey).toEqual(['licensing: some new outcome']);
  });
});
