/**
 * Related articles, chosen from the articles' own words: TF-IDF weights (a word counts for
 * more the more often an article uses it and the fewer articles use it at all), compared by
 * cosine similarity. Pure; built for ten thousand articles: each article keeps only its
 * `TERMS_KEPT` heaviest words, and each word lists only the `POSTINGS_KEPT` articles it
 * weighs most in, so the work grows with the number of articles, not with its square.
 */

/** An article as the similarity sees it: an id and how often it uses each word. */
export interface Document {
  id: string;
  counts: ReadonlyMap<string, number>;
}

/** Words an article keeps for comparing: its most used, which the weighting then ranks. */
const TERMS_STORED = 64;

/**
 * Words that say nothing of what a text is about, in any English text: left out before an
 * article's most used words are kept, so they do not crowd out the ones that do.
 */
const STOP_WORDS = new Set(
  (
    'about above after again against all also and any are because been before being below between both but can ' +
    'could did does doing down during each few for from further had has have having her here hers herself him ' +
    'himself his how into its itself just more most much must not now off once only other our ours out over own ' +
    'same she should some such than that the their theirs them themselves then there these they this those ' +
    'through too under until very was were what when where which while who whom why will with would you your ' +
    'yours one two three many may might well even still yet upon within without among across'
  ).split(' '),
);

/** Words an article is compared by: its heaviest, after weighting. */
const TERMS_KEPT = 32;
/** Articles a word links: those it weighs most in. */
const POSTINGS_KEPT = 64;
/** Words this short say little about what an article is about. */
const MIN_LENGTH = 3;

/** Scripts written without spaces: their text is compared by pairs of characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;
const DIGITS = /^\p{N}+$/u;

/** How often `text` uses each word (lower-cased; in unspaced scripts, each pair of characters). */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string) => counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const [match] of text.toLowerCase().matchAll(WORD)) {
    const word = match.endsWith("'s") || match.endsWith('’s') ? match.slice(0, -2) : match;
    if (word.charCodeAt(0) >= 0x0e00 && UNSPACED.test(word)) {
      const characters = [...word];
      for (let i = 0; i + 1 < characters.length; i++) add(characters[i]! + characters[i + 1]!);
    } else if (word.length >= MIN_LENGTH && !DIGITS.test(word)) {
      add(word);
    }
  }
  return counts;
}

/**
 * The `TERMS_STORED` words `text` uses most (common English words left out), with their
 * counts, most used first: what the content store keeps of each article for comparing.
 */
export function termVector(text: string): Record<string, number> {
  const kept = [...wordCounts(text)]
    .filter(([word]) => !STOP_WORDS.has(word))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TERMS_STORED);
  return Object.fromEntries(kept);
}

/**
 * Words and counts as the content store keeps them: one string, `heroin:3 cartel:2`, in order
 * (a word has no space or colon). Stored as an object, 64 words made 128 values for Astro's
 * serialiser to write and read back on every build: most of a 15 MB store at 10,000 articles.
 */
export const packTerms = (vector: Readonly<Record<string, number>>): string =>
  Object.entries(vector)
    .map(([word, count]) => `${word}:${count}`)
    .join(' ');

/** The words and counts `packTerms` stored, in order; `source` names the article in an error. */
export function unpackTerms(packed: string, source: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pair of packed.split(' ').filter(Boolean)) {
    const match = /^([^\s:]+):([1-9]\d*)$/u.exec(pair);
    if (!match) throw new Error(`${source}: expected stored words as "word:count", found "${pair}"`);
    counts.set(match[1]!, Number(match[2]));
  }
  return counts;
}

/**
 * Up to `count` related articles for every article, most similar first (ties in the order
 * given), never the article itself, and none that shares no weighted word with it.
 */
export function relatedArticles(documents: readonly Document[], count = 3): Map<string, string[]> {
  const total = documents.length;
  const documentFrequency = new Map<string, number>();
  for (const { counts } of documents) {
    for (const word of counts.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }

  // Each article's heaviest words, weighted (1 + ln tf) · ln(N / df) and scaled to length 1.
  // A word in one article only, or in all, links nothing and is left out.
  const vectors = documents.map(({ counts }) => {
    const weights: [string, number][] = [];
    for (const [word, tf] of counts) {
      const df = documentFrequency.get(word)!;
      if (df < 2 || df >= total) continue;
      weights.push([word, (1 + Math.log(tf)) * Math.log(total / df)]);
    }
    weights.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const kept = weights.slice(0, TERMS_KEPT);
    const length = Math.hypot(...kept.map(([, weight]) => weight)) || 1;
    return kept.map(([word, weight]) => [word, weight / length] as const);
  });

  // Each word's articles, heaviest first, cut to the articles it weighs most in.
  const postings = new Map<string, { index: number; weight: number }[]>();
  vectors.forEach((vector, index) => {
    for (const [word, weight] of vector) {
      let list = postings.get(word);
      if (!list) postings.set(word, (list = []));
      list.push({ index, weight });
    }
  });
  for (const list of postings.values()) {
    if (list.length > POSTINGS_KEPT) {
      list.sort((a, b) => b.weight - a.weight || a.index - b.index);
      list.length = POSTINGS_KEPT;
    }
  }

  const scores = new Float64Array(total);
  const related = new Map<string, string[]>();
  vectors.forEach((vector, index) => {
    const touched: number[] = [];
    for (const [word, weight] of vector) {
      for (const other of postings.get(word) ?? []) {
        if (other.index === index) continue;
        if (scores[other.index] === 0) touched.push(other.index);
        scores[other.index]! += weight * other.weight;
      }
    }
    touched.sort((a, b) => scores[b]! - scores[a]! || a - b);
    related.set(
      documents[index]!.id,
      touched.slice(0, count).map((other) => documents[other]!.id),
    );
    for (const other of touched) scores[other] = 0;
  });
  return related;
}
