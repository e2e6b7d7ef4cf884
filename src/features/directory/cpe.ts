// CPE 2.3 formatted strings (NISTIR 7695 §6.2): cpe:2.3:part:vendor:product:version:update:edition:language:
// sw_edition:target_sw:target_hw:other — checked with the specification's own grammar.

const AVSTRING = String.raw`(?:(?:\?*|\*?)(?:[a-zA-Z0-9\-._]|\\[\\*?!"#$%&'()+,/:;<=>@[\]^\x60{|}~])+(?:\?*|\*?)|[*\-])`;
const LANGUAGE = String.raw`(?:[a-zA-Z]{2,3}(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?|[*\-])`;
const CPE23 = new RegExp(String.raw`^cpe:2\.3:[aho*\-](?::${AVSTRING}){5}:${LANGUAGE}(?::${AVSTRING}){4}$`);

export function isCpe23(input: string): boolean {
  const s = input.trim();
  return s.length > 0 && s.length <= 1000 && CPE23.test(s);
}
