// Sealing (encryption at rest) of the coordination texts that describe an unpublished vulnerability: the
// description, a party's statement and countermeasure, and messages. Each ciphertext is bound to its row, so a
// value copied to another row does not open.
import type { SecretBox } from '../../platform/crypto.js';

const ctxOf = {
  description: (vulnerabilityId: string) => `coordination_vulnerabilities.description:${vulnerabilityId}`,
  statement: (partyId: string, vulnerabilityId: string) =>
    `coordination_statuses.statement:${partyId}:${vulnerabilityId}`,
  countermeasure: (partyId: string, vulnerabilityId: string) =>
    `coordination_statuses.countermeasure:${partyId}:${vulnerabilityId}`,
  message: (messageId: string) => `coordination_messages.body:${messageId}`,
};

const seal = (box: SecretBox, text: string | null | undefined, context: string) =>
  text ? box.encrypt(text, context) : null;
const open = (box: SecretBox, sealed: string | null, context: string) =>
  sealed ? box.decrypt(sealed, context) : null;

export const sealDescription = (box: SecretBox, vulnerabilityId: string, text: string | null | undefined) =>
  seal(box, text, ctxOf.description(vulnerabilityId));
export const openDescription = (box: SecretBox, vulnerabilityId: string, sealed: string | null) =>
  open(box, sealed, ctxOf.description(vulnerabilityId));

export const sealStatement = (
  box: SecretBox,
  partyId: string,
  vulnId: string,
  text: string | null | undefined,
) => seal(box, text, ctxOf.statement(partyId, vulnId));
export const openStatement = (box: SecretBox, partyId: string, vulnId: string, sealed: string | null) =>
  open(box, sealed, ctxOf.statement(partyId, vulnId));

export const sealCountermeasure = (
  box: SecretBox,
  partyId: string,
  vulnId: string,
  text: string | null | undefined,
) => seal(box, text, ctxOf.countermeasure(partyId, vulnId));
export const openCountermeasure = (box: SecretBox, partyId: string, vulnId: string, sealed: string | null) =>
  open(box, sealed, ctxOf.countermeasure(partyId, vulnId));

export const sealMessageBody = (box: SecretBox, messageId: string, text: string) =>
  box.encrypt(text, ctxOf.message(messageId));
export const openMessageBody = (box: SecretBox, messageId: string, sealed: string) =>
  box.decrypt(sealed, ctxOf.message(messageId));
