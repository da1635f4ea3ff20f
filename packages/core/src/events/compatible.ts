import type { Article } from '../article.js';
import type { Entity } from '../entity.js';
import type { EventMention } from '../event.js';

/** An event mention in its article. */
export interface Placed {
  article: Article;
  mention: EventMention;
}

/** Days apart beyond which two mentions with no written date, in articles dated that far apart, differ. */
const maxArticleDays = 21;

/**
 * Whether two event mentions cannot name one happening: their dates differ, their places are different
 * places, they move in different directions, or (for weak lemmas such as "say") their participants differ
 * or are unknown.
 */
export function conflicts(a: Placed, b: Placed, entities: ReadonlyMap<string, Entity>, weak: boolean): boolean {
  const x = a.mention.arguments;
  const y = b.mention.arguments;
  if (x.timeValue && y.timeValue && timesConflict(x.timeValue, y.timeValue)) return true;
  if (!absolute(x.timeValue) && !absolute(y.timeValue) && a.article.date && b.article.date) {
    const days = Math.abs(Date.parse(a.article.date) - Date.parse(b.article.date)) / 86_400_000;
    if (days > maxArticleDays) return true;
  }
  if (differ(x.placeEntity, y.placeEntity, entities)) return true;
  if (differentText(x.destination?.text, y.destination?.text)) return true;
  if (differentText(x.origin?.text, y.origin?.text)) return true;
  const agents = differ(x.agentEntity, y.agentEntity, entities);
  const patients = differ(x.patientEntity, y.patientEntity, entities);
  if (agents && patients) return true;
  if (weak) {
    if (a.article.id === b.article.id) return true;
    const sameAgent = x.agentEntity && x.agentEntity === y.agentEntity;
    const samePatient = x.patientEntity && x.patientEntity === y.patientEntity;
    if (!sameAgent && !samePatient) return true;
  }
  return false;
}

/** Whether two normalised times name different days, months or years for certain. */
export function timesConflict(a: string, b: string): boolean {
  const pa = /^(\*|\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(a);
  const pb = /^(\*|\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(b);
  if (!pa || !pb) return false;
  if (pa[1] !== '*' && pb[1] !== '*' && pa[1] !== pb[1]) return true;
  if (pa[2] && pb[2] && pa[2] !== pb[2]) return true;
  if (pa[3] && pb[3] && pa[3] !== pb[3]) return true;
  return false;
}

function absolute(value: string | undefined): boolean {
  return !!value && /^(?:\*|\d{4})-\d{2}/.test(value);
}

/** Two entity ids that are different entities and, for places with known geography, places apart. */
function differ(a: string | undefined, b: string | undefined, entities: ReadonlyMap<string, Entity>): boolean {
  if (!a || !b || a === b) return false;
  const ea = entities.get(a);
  const eb = entities.get(b);
  if (!ea || !eb) return false;
  if (ea.type === 'place' || eb.type === 'place') {
    if (!ea.geo || !eb.geo) return false;
    if (ea.geo.country && eb.geo.country && ea.geo.country !== eb.geo.country) return true;
    const local = (kind: string) => kind === 'city' || kind === 'settlement';
    return local(ea.kind) && local(eb.kind) && ea.geo.region !== eb.geo.region;
  }
  return true;
}

function differentText(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const norm = (s: string) => s.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
  const na = norm(a);
  const nb = norm(b);
  return na !== nb && !na.includes(nb) && !nb.includes(na) && /^\p{Lu}/u.test(a) && /^\p{Lu}/u.test(b);
}
