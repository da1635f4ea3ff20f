import { annotate, linkEntities, markProse, parsePlain, tagClaims, tagPos } from '@claimlens/annotator';
import type { Claim, Mention } from '@claimlens/core';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import splitSentences from '../src/plugins/split-sentences.js';

/** Claims of `text` from the default pipeline. */
function claimsOf(text: string): Claim[] {
  const { claims } = annotate(text);
  for (const claim of claims) {
    for (const part of [claim.source, claim.cue, claim.content]) {
      if (part) expect(text.slice(part.start, part.end)).toBe(part.text);
    }
  }
  return claims;
}

/** The claim whose cue has a word starting with `word`. */
function byCue(claims: Claim[], word: string): Claim {
  const found = claims.find((c) =>
    c.cue?.text
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.startsWith(word)),
  );
  if (!found) throw new Error(`no claim with cue \`${word}\` in ${JSON.stringify(claims.map((c) => c.cue?.text))}`);
  return found;
}

describe('tagClaims: constructions', () => {
  it('finds indirect speech: X said that Y', () => {
    const claim = byCue(claimsOf('The mayor of the port town said that the ferry would run again in May.'), 'said');
    expect(claim.source?.text).toBe('The mayor of the port town');
    expect(claim.cue?.text).toBe('said');
    expect(claim.content.text).toMatch(/^that the ferry would run again in May\.?$/);
    expect(claim.stance).toBe('assert');
    expect(claim.negated).toBe(false);
  });

  it('finds "according to X"', () => {
    const claim = byCue(
      claimsOf('The glass factory will close next spring, according to the workers’ union.'),
      'according',
    );
    expect(claim.cue?.text).toBe('according to');
    expect(claim.source?.text).toBe('the workers’ union');
    expect(claim.content.text).toBe('The glass factory will close next spring');
  });

  it('finds inverted order: "Y," X said and Y, said X', () => {
    const quoted = byCue(claimsOf('“We will keep the clinic open all winter,” the head nurse said.'), 'said');
    expect(quoted.source?.text).toBe('the head nurse');
    expect(quoted.content.text).toContain('We will keep the clinic open all winter');
    const after = byCue(
      claimsOf('The wheat harvest was the worst in a decade, said the farmers’ cooperative.'),
      'said',
    );
    expect(after.source?.text).toBe('the farmers’ cooperative');
    expect(after.content.text).toBe('The wheat harvest was the worst in a decade');
  });

  it('reads a long title after an inverted "said" as the source, and never takes content words into a source', () => {
    const long = byCue(
      claimsOf(
        'The convoy stopped near the town of Brovary, said the head of the press department of the State Police Service (SPS) in Kyiv Region, Ivan Petrenko.',
      ),
      'said',
    );
    expect(long.source?.text).toBe(
      'the head of the press department of the State Police Service (SPS) in Kyiv Region, Ivan Petrenko',
    );
    expect(long.content.text).toBe('The convoy stopped near the town of Brovary');
    const apart = byCue(claimsOf('The vehicle stopped in the village of Kalinovka, a police spokesman said.'), 'said');
    expect(apart.source?.text).toBe('a police spokesman');
    expect(apart.content.text).toBe('The vehicle stopped in the village of Kalinovka');
  });

  it('starts a content before its cue with its sentence, not inside the opening phrase', () => {
    const claim = byCue(
      claimsOf(
        'In response to the strike, the National Rail Service said that the trains were stopped by angry workers so they were forced to return to the depot to wait for new orders from their managers, Channel 9 television reported.',
      ),
      'reported',
    );
    expect(claim.source?.text).toBe('Channel 9 television');
    expect(claim.content.text.startsWith('In response to the strike, the National Rail Service said')).toBe(true);
  });

  it('finds denials, with the deny stance', () => {
    const claim = byCue(claimsOf('The chemical company denied that it had dumped waste into the lake.'), 'denied');
    expect(claim.source?.text).toBe('The chemical company');
    expect(claim.content.text).toMatch(/^that it had dumped waste into the lake\.?$/);
    expect(claim.stance).toBe('deny');
    expect(claim.negated).toBe(false);
  });

  it('finds accusations, with the accuse stance', () => {
    const claim = byCue(claimsOf('The opposition party accused the governor of hiding the budget deficit.'), 'accused');
    expect(claim.source?.text).toBe('The opposition party');
    expect(claim.content.text).toContain('hiding the budget deficit');
    expect(claim.stance).toBe('accuse');
  });

  it('finds a quotation that runs over several sentences', () => {
    const text =
      'The storm moved north overnight. “The water is rising fast. We have moved every family to the school gym,” the fire chief said.';
    const claim = byCue(claimsOf(text), 'said');
    expect(claim.source?.text).toBe('the fire chief');
    expect(claim.content.text).toContain('The water is rising fast.');
    expect(claim.content.text).toContain('We have moved every family to the school gym');
  });

  it('finds one source with several cues: "…, adding that …"', () => {
    const claims = claimsOf(
      'The trade minister said the talks had been useful, adding that a deal could come within weeks.',
    );
    const said = byCue(claims, 'said');
    const adding = byCue(claims, 'adding');
    expect(said.source?.text).toBe('The trade minister');
    expect(adding.content.text).toMatch(/^that a deal could come within weeks\.?$/);
    expect(adding.source?.text).toBe('The trade minister');
  });

  it('finds posts: "X wrote on Telegram that …"', () => {
    const claim = byCue(
      claimsOf('The volunteer battalion wrote on Telegram that its fighters had taken two villages.'),
      'wrote',
    );
    expect(claim.source?.text).toBe('The volunteer battalion');
    expect(claim.content.text).toMatch(/that its fighters had taken two villages\.?$/);
  });

  it('finds passive and nominal cues without a source', () => {
    const claim = byCue(claimsOf('It was reported that the old dam had cracked after the rains.'), 'reported');
    expect(claim.content.text).toMatch(/^that the old dam had cracked after the rains\.?$/);
  });

  it('marks hedges, conditions and questions', () => {
    expect(byCue(claimsOf('Investigators said the warehouse fire may have been set on purpose.'), 'said').stance).toBe(
      'hedge',
    );
    expect(byCue(claimsOf('The union said that if the offer is confirmed, the strike will end.'), 'said').stance).toBe(
      'conditional',
    );
    expect(byCue(claimsOf('The senator asked whether the road money had been spent.'), 'asked').stance).toBe(
      'question',
    );
  });

  it('marks negated content', () => {
    const claim = byCue(claimsOf('The army said its tanks did not cross the river.'), 'said');
    expect(claim.stance).toBe('assert');
    expect(claim.negated).toBe(true);
  });

  it('keeps statements in the article’s own voice apart, with no source and no cue', () => {
    const claims = claimsOf('The river flooded three villages on Sunday. The mayor said the water was falling.');
    const own = claims.filter((c) => c.cue === null);
    expect(own.map((c) => c.content.text)).toEqual(['The river flooded three villages on Sunday.']);
    expect(own[0]?.source).toBeNull();
    expect(own[0]?.speaker).toBeNull();
    expect(claims.filter((c) => c.cue !== null)).toHaveLength(1);
  });
});

/** A stand-in for the name stage: tags the given people and organisations wherever they occur. */
function standIn(people: string[], organizations: string[] = []) {
  return () => (_tree: unknown, file: VFile) => {
    const text = String(file.value);
    const mentions: Mention[] = [];
    for (const [kind, names] of [
      ['person', people],
      ['organization', organizations],
    ] as const) {
      for (const name of names) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
          mentions.push({ start: at, end: at + name.length, text: name, type: 'actor', kind, entity: '' });
        }
      }
    }
    file.data.mentions = mentions.sort((a, b) => a.start - b.start);
  };
}

function pipelineClaims(text: string, people: string[], organizations: string[] = []) {
  const processor = unified()
    .use(parsePlain)
    .use(markProse)
    .use(splitSentences)
    .use(tagPos)
    .use(standIn(people, organizations))
    .use(linkEntities)
    .use(tagClaims);
  const file = new VFile({ value: text, data: { format: 'plaintext' } });
  processor.runSync(processor.parse(file), file);
  return { claims: file.data.claims ?? [], mentions: file.data.mentions ?? [] };
}

describe('tagClaims: speakers', () => {
  it('resolves a named source to its entity', () => {
    const { claims, mentions } = pipelineClaims('Marta Ilves said that the harbour would be dredged.', ['Marta Ilves']);
    expect(byCue(claims, 'said').speaker).toBe(mentions[0]?.entity);
  });

  it('resolves "he said" to the last person named, across sentences', () => {
    const text =
      'Jonas Berg has run the bakery on the square for twenty years. The price of flour doubled in a month, he said.';
    const { claims, mentions } = pipelineClaims(text, ['Jonas Berg']);
    const claim = byCue(claims, 'said');
    expect(claim.source?.text).toBe('he');
    expect(claim.speaker).toBe(mentions[0]?.entity);
  });

  it('resolves a description to the organisation it names', () => {
    const text = 'The Ministry of Water published its figures on Monday. The ministry said reservoirs were half full.';
    const { claims, mentions } = pipelineClaims(text, [], ['Ministry of Water']);
    const claim = byCue(claims, 'said');
    expect(claim.source?.text).toBe('The ministry');
    expect(claim.speaker).toBe(mentions[0]?.entity);
  });
});

describe('tagClaims: options', () => {
  it('throws on a cue bias that is not a number', () => {
    expect(() => tagClaims({ cueBias: Number.NaN })).toThrow(/Expected a finite number/);
  });

  it('can leave out claims in the article’s own voice', () => {
    const processor = unified()
      .use(parsePlain)
      .use(markProse)
      .use(splitSentences)
      .use(tagPos)
      .use(tagClaims, { ownVoice: false });
    const file = new VFile({
      value: 'The river flooded three villages on Sunday. The mayor said the water was falling.',
    });
    processor.runSync(processor.parse(file), file);
    expect((file.data.claims ?? []).map((c) => c.cue?.text)).toEqual(['said']);
  });
});
