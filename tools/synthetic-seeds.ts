/**
 * Synthetic seeds in the real seed format, for measuring Dossier at a thousand or ten thousand
 * articles: scraped pages of four articles each (page chrome, section, title, byline or none,
 * `Published` / `on`, paragraphs of realistic length, some headings and numbered lists, some
 * partner credits, `Continue Reading`), with enough of each tag's words that all four tags
 * occur. Pure and deterministic: the same count and seed give the same text, byte for byte.
 */

/** One seed file: its name and text. */
export interface SyntheticSeed {
  name: string;
  text: string;
}

/** Articles per scraped page, as in the real seed. */
export const ARTICLES_PER_PAGE = 4;

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

const SECTIONS = ['Intelligence', 'Defense', 'Tech News', 'Middle East', 'Eastern Europe', 'South Asia', 'Americas'];

const FIRST_NAMES = ['Sajad', 'Giancarlo', 'Anna', 'Maria', 'Yusuf', 'Olga', 'Chen', 'Priya', 'Tomás', 'Amina', 'Lars'];
const LAST_NAMES = ['Abedi', 'Valori', 'Kowalski', 'Ivanova', 'Haddad', 'Nakamura', 'Okafor', 'Lindqvist', 'Moreau'];
const PARTNERS = ['RIAC', 'Tehran Times', 'The Diplomat', 'IFIMES'];

/** Topic words per tag: each article leans on one or two, so each tag has its own articles. */
const TOPICS = {
  intelligence: ['intelligence', 'intelligence services', 'strategic intelligence', 'analysts', 'open sources'],
  cyber: ['cyber security', 'cyberspace', 'cyber attacks', 'networks', 'cyber warfare'],
  pscs: ['private security companies', 'PSCs', 'contractors', 'private military and security companies'],
  drugs: ['drug trafficking', 'heroin', 'narcotics', 'opium', 'drug policy'],
} as const;
type Topic = keyof typeof TOPICS;

const SUBJECTS = [
  'the state',
  'the government',
  'regional powers',
  'policy makers',
  'the alliance',
  'Moscow',
  'Beijing',
  'the European Union',
  'neighbouring countries',
  'international organisations',
  'the security services',
  'local elites',
];
const VERBS = [
  'has reshaped',
  'continues to shape',
  'depends on',
  'struggles with',
  'has underestimated',
  'invests heavily in',
  'must reconsider',
  'cannot ignore',
  'is redefining',
  'has long relied on',
];
const OBJECTS = [
  'the balance of power',
  'its border regions',
  'the supply routes of the region',
  'the legitimacy of the state',
  'the flow of information',
  'the cost of conflict',
  'its relations with its neighbours',
  'the rules of the international order',
  'the institutions meant to restrain it',
  'a decade of reform',
];
const CLAUSES = [
  'while the public debate lags far behind',
  'as earlier approaches have shown their limits',
  'even though the evidence remains incomplete',
  'which few observers expected a decade ago',
  'at a pace that surprised its own officials',
  'in ways that are rarely acknowledged',
  'despite repeated warnings from experts',
  'because no single actor controls the outcome',
];
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
const HEADINGS = ['Background', 'The Current Landscape', 'Policy Options', 'Regional Responses', 'Conclusion'];

/** A synthetic collection of `articles` articles, as seed files of four articles each. */
export function syntheticSeeds(articles: number, seed = 1): SyntheticSeed[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  function sentence(topics: readonly Topic[]): string {
    const topicWords = topics.map((topic) => pick(TOPICS[topic]));
    const parts = [pick(SUBJECTS), pick(VERBS)];
    // Most sentences name a topic word: about the density of the real articles.
    parts.push(next() < 0.6 ? `${pick(topicWords)} and ${pick(OBJECTS)}` : pick(OBJECTS));
    if (next() < 0.5) parts.push(pick(CLAUSES));
    if (next() < 0.3) parts.push(`and ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}`);
    return `${capitalise(parts.join(' '))}.`;
  }
  const paragraph = (topics: readonly Topic[]) =>
    Array.from({ length: between(2, 9) }, () => sentence(topics)).join(' ');

  function article(n: number): string[] {
    const names = Object.keys(TOPICS) as Topic[];
    const topics = next() < 0.3 ? [pick(names), pick(names)] : [pick(names)];
    const title = `${pick(TITLE_OPENINGS)} ${capitalise(pick(TOPICS[topics[0]!]))} in ${pick(TITLE_PLACES)}: Case ${n + 1}`;
    const lines = [pick(SECTIONS), title];
    if (next() < 0.8) lines.push(`${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`);
    lines.push('Published', 'on');
    const sectioned = next() < 0.4;
    const paragraphs = between(4, 16);
    for (let i = 0; i < paragraphs; i++) {
      if (sectioned && i > 0 && i % 4 === 0) lines.push(HEADINGS[Math.min(i / 4, HEADINGS.length - 1)]!);
      lines.push(paragraph(topics));
      if (next() < 0.06) {
        lines.push(Array.from({ length: between(2, 5) }, (_, item) => `  ${item + 1}. ${sentence(topics)}`).join('\n'));
      }
    }
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
