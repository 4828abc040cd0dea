import type { Random } from '../prng.ts';
import type { Household, Person } from './people.ts';

/**
 * The neighbourhood: the last few hundred households generated. Friends, neighbours, tour groups and case
 * witnesses are drawn from it, which keeps memory bounded however many people the scenario has.
 */
export class RecentHouseholds {
  private readonly slots: Household[] = [];
  private next = 0;

  constructor(
    private readonly capacity: number,
    private readonly onEvict: (household: Household) => void,
  ) {}

  get size(): number {
    return this.slots.length;
  }

  add(household: Household): void {
    if (this.slots.length < this.capacity) {
      this.slots.push(household);
      return;
    }
    const evicted = this.slots[this.next];
    this.slots[this.next] = household;
    this.next = (this.next + 1) % this.capacity;
    if (evicted) this.onEvict(evicted);
  }

  randomHousehold(random: Random): Household | undefined {
    return this.slots.length === 0 ? undefined : random.pick(this.slots);
  }

  randomPerson(random: Random, accept: (person: Person) => boolean = () => true, attempts = 6): Person | undefined {
    for (let i = 0; i < attempts; i += 1) {
      const household = this.randomHousehold(random);
      if (!household) return undefined;
      const person = random.pick(household.members);
      if (accept(person)) return person;
    }
    return undefined;
  }

  evictAll(): void {
    const remaining = [...this.slots.slice(this.next), ...this.slots.slice(0, this.next)];
    this.slots.length = 0;
    this.next = 0;
    for (const household of remaining) this.onEvict(household);
  }
}
