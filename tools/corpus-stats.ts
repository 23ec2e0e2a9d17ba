/**
 * `npm run bench:corpus -- --articles N`: the real seed's articles and N synthetic ones
 * (`tools/synthetic-seeds.ts`) side by side, in the figures that drive Dossier's costs: words,
 * paragraphs, sentences, headings and lists per article, distinct words per article and in
 * all (with the vocabulary Heaps' law predicts from the seed), and the share of articles each
 * tag goes to. Figures only: nothing here is asserted.
 */
import { parseArgs } from 'node:util';
import { keyOf } from '../src/ingest/heuristics';
import { parseSeed, type SeedArticle } from '../src/ingest/parse-seed';
import { bodyToPlainText } from '../src/ingest/to-markdown';
import { TAGS, TAG_RULES } from '../src/tags';
import { assignTags } from '../src/collection/tags';
import { seedSample } from './seed-sample';
import { HEAPS_BETA, heapsK, sentencesOf, syntheticSeeds, wordsOf } from './synthetic-seeds';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' } } });
const ARTICLES = Number(values.articles);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function range(xs: number[]): string {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${sorted[0]}–${sorted.at(-1)}, median ${sorted[Math.floor((sorted.length - 1) / 2)]}`;
}

function figures(articles: readonly SeedArticle[]) {
  const paragraphs = articles.map((a) => a.body.filter((b) => b.type === 'paragraph').map((b) => b.text));
  const text = articles.map((a) => bodyToPlainText(a.body));
  const words = text.map(wordsOf);
  const sentences = paragraphs
    .flat()
    .flatMap(sentencesOf)
    .map((s) => wordsOf(s).length);
  const vocabulary = new Set(words.flat().map((w) => w.toLowerCase()));
  const tags = articles.map((a, i) => assignTags({ title: keyOf(a.title), body: keyOf(text[i]!) }, TAG_RULES));
  return {
    articles: String(articles.length),
    'words per article': range(words.map((w) => w.length)) + `, mean ${mean(words.map((w) => w.length)).toFixed(0)}`,
    'paragraphs per article': range(paragraphs.map((p) => p.length)),
    'words per paragraph': range(paragraphs.flat().map((p) => wordsOf(p).length)),
    'words per sentence, mean': mean(sentences).toFixed(1),
    'headings per article': range(articles.map((a) => a.body.filter((b) => b.type === 'heading').length)),
    'lists per article': range(articles.map((a) => a.body.filter((b) => b.type === 'list').length)),
    'distinct words per article': range(words.map((w) => new Set(w.map((x) => x.toLowerCase())).size)),
    'distinct words in all': `${vocabulary.size.toLocaleString('en')} in ${words.flat().length.toLocaleString('en')} words`,
    ...Object.fromEntries(
      TAGS.map((tag) => [
        `articles tagged ${tag.label}`,
        `${((100 * tags.filter((t) => t.includes(tag.label)).length) / articles.length).toFixed(0)} %`,
      ]),
    ),
    'articles with no tag': `${((100 * tags.filter((t) => t.length === 0).length) / articles.length).toFixed(0)} %`,
  };
}

const sample = seedSample();
const synthetic = syntheticSeeds(ARTICLES, sample).flatMap((seed) => parseSeed(seed.text, seed.name));
const seed = figures(sample);
const made = figures(synthetic);
const sampleWords = sample.flatMap((a) => wordsOf(bodyToPlainText(a.body)));
const K = heapsK(sampleWords);
const n = synthetic.reduce((sum, a) => sum + wordsOf(bodyToPlainText(a.body)).length, sampleWords.length);

console.log(`${''.padEnd(28)} ${'seed'.padEnd(36)} synthetic`);
for (const key of Object.keys(seed) as (keyof typeof seed)[])
  console.log(`${key.padEnd(28)} ${seed[key].padEnd(36)} ${made[key]}`);
console.log(
  `\nHeaps' law from the seed (K = ${K.toFixed(1)}, β = ${HEAPS_BETA}) predicts ${Math.round(K * n ** HEAPS_BETA).toLocaleString('en')} distinct words in the seed's and the synthetic articles' ${n.toLocaleString('en')}.`,
);
