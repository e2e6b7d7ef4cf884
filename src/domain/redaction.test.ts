import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Audience,
  mayContactFinderDirectly,
  mayKnowFinderIdentity,
  publicCreditName,
} from './redaction.js';

const none = {
  identityToCoordinator: false,
  identityToVendor: false,
  directContact: false,
  publicCredit: false,
};
const all = { identityToCoordinator: true, identityToVendor: true, directContact: true, publicCredit: true };

describe('finder identity redaction', () => {
  const table: [Audience, boolean, boolean][] = [
    // audience, without consent, with every consent
    ['reception', true, true],
    ['finder', true, true],
    ['coordinator', false, true],
    ['vendor', false, true],
    ['operator', false, true],
    ['public', false, false],
  ];
  for (const [audience, withoutConsent, withConsent] of table) {
    it(`${audience} ${withoutConsent ? 'always knows' : withConsent ? 'knows only with consent' : 'never knows'} the finder`, () => {
      assert.equal(mayKnowFinderIdentity(audience, none), withoutConsent);
      assert.equal(mayKnowFinderIdentity(audience, all), withConsent);
    });
  }

  it('keeps the consents apart: consent for the coordinator says nothing about the developer', () => {
    const c = { ...none, identityToCoordinator: true };
    assert.equal(mayKnowFinderIdentity('coordinator', c), true);
    assert.equal(mayKnowFinderIdentity('vendor', c), false);
    assert.equal(mayKnowFinderIdentity('operator', c), false);
  });

  it('credits publicly only a finder who asked, under the name they chose', () => {
    assert.equal(publicCreditName(all, '  Taro Yamada  '), 'Taro Yamada');
    assert.equal(publicCreditName(none, 'Taro Yamada'), null);
    assert.equal(publicCreditName(all, '   '), null);
    assert.equal(publicCreditName(all, undefined), null);
  });

  it('allows direct contact only with the finder consent, identity disclosed, and the coordinator agreeing', () => {
    assert.equal(mayContactFinderDirectly(all, true), true);
    assert.equal(mayContactFinderDirectly(all, false), false);
    assert.equal(mayContactFinderDirectly({ ...all, directContact: false }, true), false);
    assert.equal(mayContactFinderDirectly({ ...all, identityToVendor: false }, true), false);
  });
});
