/** The part of citation-js the tests use (it ships no types): parse a citation, read its CSL-JSON, format it. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** The parsed items, as CSL-JSON. */
    data: unknown[];
    format(kind: 'bibliography', options: { format: 'text' | 'html'; template: string; lang?: string }): string;
  }
}
