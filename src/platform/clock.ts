// Time comes from a clock, never from `new Date()` in business code, so tests can move it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at a given moment and moves only when told. */
export class ManualClock implements Clock {
  #t: number;
  constructor(start: Date | string) {
    this.#t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#t);
  }
  set(at: Date | string): void {
    this.#t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.#t += ms;
  }
}
