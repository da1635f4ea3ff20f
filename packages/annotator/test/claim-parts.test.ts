import { annotate } from '@claimlens/annotator';
import type { Claim } from '@claimlens/core';
import { describe, expect, it } from 'vitest';

/** The claims with a cue of `text`, as `[source, cue, content]` texts. */
function partsOf(text: string): [string | null, string, string][] {
  return annotate(text)
    .claims.filter((c: Claim) => c.cue)
    .map((c) => [c.source?.text ?? null, c.cue?.text ?? '', c.content.text]);
}

/** The claim whose cue is `cue`. */
function byCue(text: string, cue: string): Claim {
  const found = annotate(text).claims.find((c) => c.cue?.text === cue);
  if (!found) throw new Error(`no claim with cue \`${cue}\` in ${JSON.stringify(partsOf(text))}`);
  return found;
}

describe('tagClaims: sources', () => {
  it('takes the subject before the cue, not a place inside the content', () => {
    const claim = byCue(
      'The coast guard said fishermen had been allowed to land at Port Ellis, between the northern Orkney and the southern Harris coast, after the storm passed.',
      'said',
    );
    expect(claim.source?.text).toBe('The coast guard');
    expect(claim.content.text).toContain('the southern Harris coast');
  });

  it('takes the subject of a verb joined by "and", not its object', () => {
    const claim = byCue(
      'Mayor Jan Berg met the Swedish trade minister Eva Lind on Tuesday and told her a “large” share of the port would reopen in May.',
      'told',
    );
    expect(claim.source?.text).toBe('Mayor Jan Berg');
  });

  it('does not open a source with a conjunction', () => {
    const claim = byCue(
      'The city council voted to close the harbour, and the fishermen’s union said the boats would stay in port all week.',
      'said',
    );
    expect(claim.source?.text).toBe('the fishermen’s union');
  });

  it('takes a subject with its apposition, and no opening adverbial', () => {
    const relief = byCue(
      'The relief group, a charity that volunteers run in the north, also said that the camp was full.',
      'also said',
    );
    expect(relief.source?.text).toBe('The relief group, a charity that volunteers run in the north');
    const minister = byCue('After the meeting in Oslo, the minister said the talks would resume.', 'said');
    expect(minister.source?.text).toBe('the minister');
  });

  it('leaves the adverbial phrase that opens the sentence out of the source', () => {
    const claim = byCue(
      'Speaking in Oslo on Monday after a meeting of the Nordic Council, Danish Foreign Minister Lars Holm said the treaty would be signed in June.',
      'said',
    );
    expect(claim.source?.text).toBe('Danish Foreign Minister Lars Holm');
  });

  it('keeps a participle phrase with "by" in the subject', () => {
    const claim = byCue(
      'A statement published by the rail workers’ union said the strike would last until Friday.',
      'said',
    );
    expect(claim.source?.text).toBe('A statement published by the rail workers’ union');
  });
});

describe('tagClaims: long sources after the cue', () => {
  it('takes a long title and name after "said" for the source', () => {
    const claim = byCue(
      'The ferry ran aground near the harbour of Kalmar, said the head of the press office of the Swedish Maritime Administration (SMA) in Kalmar County, Jan Berg.',
      'said',
    );
    expect(claim.source?.text).toBe(
      'the head of the press office of the Swedish Maritime Administration (SMA) in Kalmar County, Jan Berg',
    );
    expect(claim.content.text).toBe('The ferry ran aground near the harbour of Kalmar');
  });
});

describe('tagClaims: headline labels', () => {
  it('takes "Name: statement" for a claim, but not a label such as "The Latest:" or "Revealed:"', () => {
    expect(partsOf('Berg: We will rebuild the bridge by winter\n\nThe mayor spoke in the town hall.')).toEqual([
      ['Berg', ':', 'We will rebuild the bridge by winter'],
    ]);
    expect(partsOf('The Latest: Storm closes schools across the county\n\nThe storm closed every school.')).toEqual([]);
    expect(partsOf('Revealed: The secret plan to close the rail depot\n\nThe plan was drawn up in May.')).toEqual([]);
  });
});

describe('tagClaims: cues', () => {
  it('never takes an auxiliary alone for a cue', () => {
    const texts = [
      'Meanwhile, a team of engineers has resumed repair work at the dam, which was damaged in May.',
      'The senator has pursued a careful strategy of uniting farmers and workers behind her.',
    ];
    for (const text of texts) {
      for (const [, cue] of partsOf(text)) expect(cue).not.toMatch(/^(has|have|had|was|were|is|are|would|also)$/i);
    }
    expect(partsOf(texts[0] as string)).toEqual([]);
  });
});

describe('tagClaims: contents', () => {
  it('does not stop a content inside a phrase', () => {
    const claim = byCue(
      'The ministry confirmed rebels had seized four fishing boats in the harbour of Kalmar.',
      'confirmed',
    );
    expect(claim.content.text).toBe('rebels had seized four fishing boats in the harbour of Kalmar');
  });

  it('does not run a content over its cue from the subject', () => {
    const claim = byCue('The company reportedly told investors the mine would close.', 'reportedly told');
    expect(claim.source?.text).toBe('The company');
    expect(claim.content.text).not.toContain('The company');
    expect(claim.stance).toBe('hedge');
  });

  it('ends a content before its cue and the cue’s source', () => {
    const claim = byCue(
      'The plan could only succeed “with money from the state”, it continued, adding that “hard winters” were coming.',
      'continued',
    );
    expect(claim.content.text).toBe('The plan could only succeed “with money from the state”');
    expect(
      byCue(
        'The plan could only succeed “with money from the state”, it continued, adding that “hard winters” were coming.',
        'adding',
      ).content.text,
    ).toBe('that “hard winters” were coming');
  });

  it('runs a denied noun on over the phrase that follows it, with the deny stance', () => {
    const claim = byCue(
      'The water company denies accusations by residents it polluted the river, and has promised an inquiry.',
      'denies',
    );
    expect(claim.source?.text).toBe('The water company');
    expect(claim.content.text).toBe('accusations by residents it polluted the river');
    expect(claim.stance).toBe('deny');
  });

  it('runs a content on over a relative clause left open ("videos of what it said were …")', () => {
    const claim = byCue(
      'The Harbour Workers Union, a federation of dockers that led the strike in Antwerp last year, posted videos of what it said were its members blocking the gates of the terminal.',
      'posted',
    );
    expect(claim.source?.text).toBe(
      'The Harbour Workers Union, a federation of dockers that led the strike in Antwerp last year',
    );
    expect(claim.content.text).toBe('videos of what it said were its members blocking the gates of the terminal');
  });

  it('keeps whom the source told out of the content', () => {
    const claim = byCue('The inspector told reporters on Friday that the school roof was unsafe.', 'told');
    expect(claim.content.text).toBe('that the school roof was unsafe');
  });

  it('takes no web address or "on <name>" for a content', () => {
    const text =
      'The regional council said on Twitter.\n\nhttps://news.example.org/p/4Fx2k\n\nThe ferry to the island runs twice a day.';
    const contents = annotate(text).claims.map((c) => c.content.text);
    expect(contents).toContain('The ferry to the island runs twice a day.');
    for (const content of contents) expect(content).not.toMatch(/^(on Twitter|https:)/);
  });
});

describe('tagClaims: who tells whom', () => {
  it('takes the subject of a passive verb of telling for the one told, not the source', () => {
    const told = byCue('The ferry had already left the harbour, the local radio station was told.', 'was told');
    expect(told.source).toBeNull();
    expect(told.content.text).toBe('The ferry had already left the harbour');
    const agent = byCue('The crew was told by the captain that the ship would not sail.', 'was told');
    expect(agent.source?.text).toBe('the captain');
    expect(agent.content.text).toMatch(/^that the ship would not sail/);
  });

  it('gives a participle after a comma the subject of the sentence', () => {
    const claim = byCue(
      'The union leader walked out of the talks on Friday, saying the offer was an insult.',
      'saying',
    );
    expect(claim.source?.text).toBe('The union leader');
    expect(claim.content.text).toBe('the offer was an insult');
  });

  it('does not give a participle inside what is said the speaker’s voice', () => {
    const parts = partsOf(
      'A reporter at the scene says the strikers blocked the gate, demanding that the owners reopen the talks.',
    );
    const demanding = parts.find(([, cue]) => cue === 'demanding');
    expect(demanding?.[0] ?? null).toBeNull();
  });

  it('takes the source after a quotation closed by a comma', () => {
    const claim = byCue('“We will keep the clinic open all winter,” replied the head nurse.', 'replied');
    expect(claim.source?.text).toBe('the head nurse');
    expect(claim.content.text).toContain('We will keep the clinic open all winter');
  });
});

describe('tagClaims: one claim per statement', () => {
  it('ends a content before a second verb of saying of the same subject', () => {
    const text =
      'The ministry denied that its ships had entered the bay and accused the fishing fleet of spreading rumours.';
    expect(byCue(text, 'denied').content.text).toBe('that its ships had entered the bay');
    const accused = byCue(text, 'accused');
    expect(accused.source?.text).toBe('The ministry');
    expect(accused.content.text).toMatch(/^the fishing fleet of spreading rumours/);
  });

  it('keeps an attributive cue inside another claim part of that claim', () => {
    const parts = partsOf('The union wants the government to halt its alleged subsidies for the mines.');
    expect(parts.map(([, cue]) => cue)).not.toContain('alleged');
  });

  it('takes the words leading up to a cue into the cue', () => {
    const claim = byCue('The farmers’ cooperative has also said that the harvest was poor.', 'has also said');
    expect(claim.source?.text).toBe('The farmers’ cooperative');
  });
});
