import type { StoryArticle, StoryClaim, StoryDispute, StoryEvent, StoryPlace } from '../model.js';
import type { StoryView } from '../page.js';

/** What the reader narrowed the views to. Empty `outlets` means every outlet. */
export interface Filter {
  outlets: string[];
  actor: string | null;
  place: string | null;
}

export const noFilter: Filter = { outlets: [], actor: null, place: null };

/** Ten colours told apart in light and dark themes (Tableau 10); outlets beyond ten go round the hue circle. */
const palette = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** The model with its lookups, and the filter applied to it. */
export class Story {
  readonly article = new Map<string, StoryArticle>();
  readonly dispute = new Map<string, StoryDispute>();
  readonly place = new Map<string, StoryPlace>();
  readonly actorName = new Map<string, string>();
  readonly #colours = new Map<string, string>();
  #eventsOfClaim: StoryEvent[][] | null = null;

  constructor(
    readonly model: StoryView,
    readonly filter: Filter,
  ) {
    for (const a of model.articles) this.article.set(a.id, a);
    for (const d of model.disputes) this.dispute.set(d.id, d);
    for (const p of model.places) this.place.set(p.id, p);
    for (const a of model.actors) this.actorName.set(a.id, a.name);
    model.outlets.forEach((o, i) => {
      this.#colours.set(o, palette[i] ?? `hsl(${Math.round((i * 137.508) % 360)} 55% 55%)`);
    });
  }

  /** The claims at these indexes into the model's claims. */
  claimsAt(indexes: readonly number[]): StoryClaim[] {
    return indexes.map((i) => this.model.claims[i]).filter((c): c is StoryClaim => c !== undefined);
  }

  /** Events each claim is about, by claim index: made when first asked for (the timeline under a filter). */
  eventsOfClaim(index: number): StoryEvent[] {
    if (!this.#eventsOfClaim) {
      const found: StoryEvent[][] = this.model.claims.map(() => []);
      for (const e of this.model.events) {
        for (const cell of e.cells) for (const i of cell.claims) found[i]?.push(e);
      }
      this.#eventsOfClaim = found;
    }
    return this.#eventsOfClaim[index] ?? [];
  }

  /** The colour of an outlet, the same in every view. */
  colour(outlet: string): string {
    return this.#colours.get(outlet) ?? '#888888';
  }

  outletOf(claim: StoryClaim): string {
    return this.article.get(claim.article)?.outlet ?? claim.article;
  }

  /** The outlets shown: those picked, else all. */
  outlets(): string[] {
    const picked = new Set(this.filter.outlets);
    return picked.size === 0 ? this.model.outlets : this.model.outlets.filter((o) => picked.has(o));
  }

  /** Whether an event passes the actor and place filters, and has something from a shown outlet. */
  showsEvent(event: StoryEvent): boolean {
    if (this.filter.actor && !event.actors.includes(this.filter.actor)) return false;
    if (this.filter.place && !event.places.includes(this.filter.place)) return false;
    if (this.filter.outlets.length === 0) return true;
    const picked = new Set(this.filter.outlets);
    return event.cells.some((c) => picked.has(c.outlet));
  }

  events(): StoryEvent[] {
    return this.model.events.filter((e) => this.showsEvent(e));
  }

  /** Claims from shown outlets, of events that pass the filter (any claim when no actor or place is picked). */
  claims(): StoryClaim[] {
    const picked = new Set(this.outlets());
    const narrowed = this.filter.actor !== null || this.filter.place !== null;
    return this.model.claims.filter(
      (c, i) => picked.has(this.outletOf(c)) && (!narrowed || this.eventsOfClaim(i).some((e) => this.showsEvent(e))),
    );
  }

  /** Places named by shown outlets; with an actor picked, those of the actor's events. */
  places(): StoryPlace[] {
    const picked = new Set(this.outlets());
    let places = this.model.places.filter((p) => p.outlets.some((o) => picked.has(o.outlet)));
    if (this.filter.actor) {
      const near = new Set(this.events().flatMap((e) => e.places));
      places = places.filter((p) => near.has(p.id));
    }
    return places;
  }

  speakerOf(claim: StoryClaim): string {
    return claim.speaker ?? `${this.outletOf(claim)} (own voice)`;
  }
}

/** What the stances mean to a reader, in the order of the legend. */
export const stanceNames: Record<string, string> = {
  assert: 'says',
  deny: 'denies',
  accuse: 'accuses',
  hedge: 'hedges',
  conditional: 'if…',
  question: 'asks',
};
