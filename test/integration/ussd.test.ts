import { screenProblem } from '#lambdas/ussd/screens.ts';
import { uniqueCaller } from '../support/data.ts';
import { ussdPhone } from '../support/ussd.ts';

/** Every screen the phone shows fits: GSM-7, at most 182 characters, with the gateway's prefix. */
const expectScreens = (screens: readonly string[]) => {
  for (const screen of screens) {
    expect(screen).toMatch(/^(CON|END) /);
    expect({ screen, problem: screenProblem(screen.slice(4)) }).toEqual({
      screen,
      problem: undefined,
    });
  }
};

describe('USSD: language and menu', () => {
  it('asks the language of a new number, then remembers it for the next session', async () => {
    const phone = ussdPhone(uniqueCaller());
    const screens = await phone.walk(['2']);
    expectScreens(screens);
    expect(screens[0]).toMatch(/^CON Karibu Huduma \/ Welcome\n1\. English\n2\. Kiswahili/);
    expect(screens[1]).toMatch(/^CON Huduma\n1\. Miadi/);
    phone.newSession();
    expect(await phone.post('')).toMatch(/^CON Huduma\n1\. Miadi/);
  });
});
