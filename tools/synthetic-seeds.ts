/**
 * Synthetic seeds in the real seed format, for measuring Dossier at a thousand or ten thousand
 * articles: scraped pages of four articles each (page chrome, section, title, byline or none,
 * `Published` / `on`, body, some partner credits, `Continue Reading`).
 *
 * Each article is shaped after one article of a sample (the real seed's, parsed): about its
 * length in words (within 15 %), paragraphs drawn from its paragraph lengths, sentences from
 * its sentence lengths, as many headings and lists as it has. Its words come from a process
 * that grows a vocabulary as real text does:
 * - a share of them are the model article's own words (those it holds more of than every other
 *   sample article put together, three to one), at the share they have in it: so an article
 *   shaped after the drug article reads of drugs and gets that tag, as its model does;
 * - the rest are the sample's shared words, copied from everything written so far (which gives
 *   Zipf's law: a word is used again as often as it has been used), or, at a rate that falls as
 *   the text grows, a word never seen (Heaps' law: a vocabulary of K·n^β words after n words,
 *   K fitted to the sample, β = 0.55 as in English corpora).
 *
 * The text is not English, but what Dossier's costs depend on is: words per page, how often
 * each word recurs, how many distinct words a collection holds. docs/performance.md compares
 * it with the seed (`npm run bench:corpus`). Pure and deterministic: the same count, sample
 * and seed give the same text, byte for byte.
 */
import type { BodyBlock, SeedArticle } from '../src/ingest/parse-seed';

/** One seed file: its name and text. */
export interface SyntheticSeed {
  name: string;
  text: string;
}

/** Articles per scraped page, as in the real seed. */
export const ARTICLES_PER_PAGE = 4;

/** Heaps' exponent: English corpora grow their vocabulary as n^0.4–0.6. */
export const HEAPS_BETA = 0.55;

/** How far an article's length strays from its model's, either way. */
const LENGTH_SPREAD = 0.15;

/** A word is an article's own when it holds this many of the word's uses for each one elsewhere. */
const OWN_WORD_RATIO = 3;

/**
 * How often a word is one the article has already used: text is bursty, an article's words
 * come back within it. Set so that an article holds about as many distinct words as its model
 * (`npm run bench:corpus`).
 */
const REPEAT_SHARE = 0.35;

/** mulberry32: a small, fast, well-mixed 32-bit generator; numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words of a text: letters and digits, joined by an apostrophe or hyphen (`China’s`, `day-to-day`). */
export const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];

/** Sentences of a paragraph: split after `.`, `!` or `?` and a space. */
export const sentencesOf = (text: string): string[] =>
  text.split(/(?<=[.!?])\s+/u).filter((s) => wordsOf(s).length > 0);

/** Heaps' K fitted to `words` (β = HEAPS_BETA): their distinct words, case aside, over n^β. */
export const heapsK = (words: readonly string[]): number =>
  new Set(words.map((word) => word.toLowerCase())).size / words.length ** HEAPS_BETA;

/** What an article of the sample lends the articles shaped after it. */
interface Model {
  words: number;
  /** Sentences per paragraph. */
  paragraphs: number[];
  /** Words per sentence. */
  sentences: number[];
  headings: number;
  lists: number[];
  /** Its own words, one entry per use. */
  own: string[];
  /** Of its words, the share that are its own. */
  ownShare: number;
  /** Its most used own word of five letters or more, for titles. */
  topic: string;
}

/** A word as the text writes it mid-sentence: lower-case, unless the sample never writes it so (`China`, `PSCs`). */
function spellings(words: readonly string[]): Map<string, string> {
  const forms = new Map<string, Map<string, number>>();
  for (const word of words) {
    const key = word.toLowerCase();
    const counts = forms.get(key) ?? new Map<string, number>();
    counts.set(word, (counts.get(word) ?? 0) + 1);
    forms.set(key, counts);
  }
  const spelling = new Map<string, string>();
  for (const [key, counts] of forms) {
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    spelling.set(key, counts.has(key) ? key : best);
  }
  return spelling;
}

const textOf = (block: BodyBlock): string => (block.type === 'list' ? block.items.join(' ') : block.text);

/** The sample, read into what the generator draws from. */
function modelsOf(sample: readonly SeedArticle[]) {
  if (sample.length === 0) throw new Error('syntheticSeeds: expected a sample of at least one article, found none');
  const bodies = sample.map((article) => article.body.map(textOf).flatMap(wordsOf));
  const all = bodies.flat();
  const spelling = spellings(all);
  const spell = (word: string) => spelling.get(word.toLowerCase())!;
  const counts = bodies.map((words) => {
    const count = new Map<string, number>();
    for (const word of words) count.set(spell(word), (count.get(spell(word)) ?? 0) + 1);
    return count;
  });
  const total = new Map<string, number>();
  for (const count of counts) for (const [word, n] of count) total.set(word, (total.get(word) ?? 0) + n);
  const ownerOf = (word: string): number =>
    counts.findIndex((count) => (count.get(word) ?? 0) >= OWN_WORD_RATIO * (total.get(word)! - count.get(word)!));

  const shared: string[] = [];
  const own: string[][] = sample.map(() => []);
  for (const word of all.map(spell)) {
    const owner = ownerOf(word);
    (owner < 0 ? shared : own[owner]!).push(word);
  }
  const models: Model[] = sample.map((article, i) => {
    const paragraphs = article.body.filter((block) => block.type === 'paragraph').map((block) => block.text);
    const topics = [...counts[i]!]
      .filter(([word]) => ownerOf(word) === i && [...word].length >= 5)
      .sort((a, b) => b[1] - a[1]);
    return {
      words: bodies[i]!.length,
      paragraphs: paragraphs.map((text) => sentencesOf(text).length),
      sentences: paragraphs.flatMap(sentencesOf).map((text) => wordsOf(text).length),
      headings: article.body.filter((block) => block.type === 'heading').length,
      lists: article.body.flatMap((block) => (block.type === 'list' ? [block.items.length] : [])),
      own: own[i]!,
      ownShare: own[i]!.length / bodies[i]!.length,
      topic: topics[0]?.[0] ?? 'security',
    };
  });
  return { models, shared, heapsK: heapsK(all), sampleWords: all.length };
}

const SECTIONS = ['Intelligence', 'Defense', 'Tech News', 'Middle East', 'Eastern Europe', 'South Asia', 'Americas'];
const FIRST_NAMES = ['Sajad', 'Giancarlo', 'Anna', 'Maria', 'Yusuf', 'Olga', 'Chen', 'Priya', 'Tomás', 'Amina', 'Lars'];
const LAST_NAMES = ['Abedi', 'Valori', 'Kowalski', 'Ivanova', 'Haddad', 'Nakamura', 'Okafor', 'Lindqvist', 'Moreau'];
const PARTNERS = ['RIAC', 'Tehran Times', 'The Diplomat', 'IFIMES'];
const TITLE_OPENINGS = [
  'The Future of',
  'Rethinking',
  'The Hidden Cost of',
  'Why States Misread',
  'The Politics of',
  'Beyond',
  'The Limits of',
  'Understanding',
  'The New Geography of',
  'Who Controls',
];
const TITLE_PLACES = [
  'Central Asia',
  'the Sahel',
  'the Black Sea',
  'Southeast Asia',
  'the Balkans',
  'the Gulf',
  'the Arctic',
  'Latin America',
  'the Caucasus',
  'the Horn of Africa',
];

/** Syllables of words never seen: `kavo`, `telumi`… distinct for distinct numbers. */
const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'tr', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
function coined(n: number): string {
  const base = ONSETS.length * VOWELS.length;
  let word = '';
  // At least two syllables, so a coined word is never a short English one.
  for (let rest = n + base; rest > 0; rest = Math.floor(rest / base)) {
    const syllable = rest % base;
    word += ONSETS[syllable % ONSETS.length]! + VOWELS[Math.floor(syllable / ONSETS.length)]!;
  }
  return word;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A synthetic collection of `articles` articles shaped after `sample`, as seed files of four articles each. */
export function syntheticSeeds(articles: number, sample: readonly SeedArticle[], seed = 1): SyntheticSeed[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const { models, shared, heapsK: K, sampleWords } = modelsOf(sample);

  // Every shared word written so far, as numbers into `vocabulary`: copying one at random
  // uses a word again as often as it has been used.
  const vocabulary: string[] = [];
  const numberOf = new Map<string, number>();
  const capacity = shared.length + Math.ceil(articles * 1.2 * Math.max(...models.map((m) => m.words)));
  const written = new Int32Array(capacity);
  let length = 0;
  let coinedWords = 0;
  const write = (word: string) => {
    let number = numberOf.get(word);
    if (number === undefined) {
      number = vocabulary.push(word) - 1;
      numberOf.set(word, number);
    }
    written[length++] = number;
    return word;
  };
  for (const word of shared) write(word);
  let wordsSoFar = sampleWords;

  /** The words of the article being written. */
  let used: string[] = [];
  function word(model: Model): string {
    wordsSoFar++;
    let chosen: string;
    if (used.length > 0 && next() < REPEAT_SHARE) chosen = pick(used);
    else if (next() < model.ownShare) chosen = pick(model.own);
    // Heaps' law: the vocabulary grows by dV/dn = K·β·n^(β−1) at the n-th word, all of it
    // here, where neither the article's words nor the model's own are drawn.
    else if (next() * (1 - REPEAT_SHARE) * (1 - model.ownShare) < K * HEAPS_BETA * wordsSoFar ** (HEAPS_BETA - 1)) {
      const fresh = coined(coinedWords++);
      chosen = write(next() < 0.2 ? capitalise(fresh) : fresh);
    } else chosen = write(vocabulary[written[Math.floor(next() * length)]!]!);
    used.push(chosen);
    return chosen;
  }

  function sentence(model: Model, words: number): string {
    const parts = Array.from({ length: words }, () => word(model));
    for (let i = 0; i < parts.length - 1; i++) if (next() < 0.05) parts[i] += ',';
    return `${capitalise(parts.join(' '))}.`;
  }

  /** A heading: title-case, without closing punctuation. */
  const heading = (model: Model, words: number) =>
    Array.from({ length: words }, () => capitalise(word(model))).join(' ');

  function article(n: number): string[] {
    const model = pick(models);
    used = [];
    const title = `${pick(TITLE_OPENINGS)} ${capitalise(model.topic)} in ${pick(TITLE_PLACES)}: Case ${n + 1}`;
    const lines = [pick(SECTIONS), title];
    if (next() < 0.8) lines.push(`${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`);
    lines.push('Published', 'on');

    // The model's lists first, so that the paragraphs make up the rest of its length.
    const lists = model.lists.map((items) => Array.from({ length: items }, () => between(8, 25)));
    const headings = Array.from({ length: model.headings }, () => between(3, 6));
    const target =
      Math.round(model.words * (1 + LENGTH_SPREAD * (2 * next() - 1))) -
      [...lists.flat(), ...headings].reduce((a, b) => a + b, 0);
    // Paragraphs of as many sentences as the model's, of as many words as its sentences, until
    // the article is long enough.
    const paragraphs: string[] = [];
    for (let words = 0; words < target;) {
      const sentences: string[] = [];
      for (let count = pick(model.paragraphs); count > 0 && words < target; count--) {
        const size = Math.max(3, Math.min(pick(model.sentences), target - words));
        sentences.push(sentence(model, size));
        words += size;
      }
      paragraphs.push(sentences.join(' '));
    }
    // Headings after every so many paragraphs, never first; lists after a paragraph at random.
    const headingBefore = new Map(
      headings.map((words, k) => [Math.round(((k + 1) * paragraphs.length) / (headings.length + 1)), words]),
    );
    const listsAfter = new Map(lists.map((items) => [between(0, paragraphs.length - 1), items]));
    paragraphs.forEach((text, i) => {
      const headingWords = headingBefore.get(i);
      if (i > 0 && headingWords !== undefined) lines.push(heading(model, headingWords));
      lines.push(text);
      const items = listsAfter.get(i);
      if (items !== undefined) {
        lines.push(items.map((size, item) => `  ${item + 1}. ${sentence(model, size)}`).join('\n'));
      }
    });
    if (next() < 0.15) lines.push(`From our partner ${pick(PARTNERS)}`);
    lines.push('Continue Reading');
    return lines;
  }

  const files: SyntheticSeed[] = [];
  const pages = Math.ceil(articles / ARTICLES_PER_PAGE);
  const width = String(Math.max(pages - 1, 0)).length;
  for (let page = 0; page < pages; page++) {
    const count = Math.min(ARTICLES_PER_PAGE, articles - page * ARTICLES_PER_PAGE);
    const blocks = ['Connect with us'];
    for (let i = 0; i < count; i++) {
      blocks.push(...article(page * ARTICLES_PER_PAGE + i));
      if (next() < 0.2) blocks.push('Comments');
    }
    blocks.push('Publications', 'Latest', 'Trending');
    files.push({ name: `synthetic-${String(page).padStart(width, '0')}.txt`, text: `${blocks.join('\n\n')}\n` });
  }
  return files;
}
