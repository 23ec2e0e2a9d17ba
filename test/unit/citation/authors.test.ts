import { describe, expect, it } from 'vitest';
import { authorsOf, splitName } from '../../../src/citation/authors';

describe('authorsOf', () => {
  it('reads a byline of one name as one author, the last word the family name', () => {
    expect(authorsOf('Giancarlo Elia Valori')).toEqual([{ given: 'Giancarlo Elia', family: 'Valori' }]);
  });

  it('splits a byline that names several at "and", "&" and commas', () => {
    expect(authorsOf('Li Wei and Sofia Marquez')).toEqual([
      { given: 'Li', family: 'Wei' },
      { given: 'Sofia', family: 'Marquez' },
    ]);
    expect(authorsOf('Ana Silva, Ben Okafor, and Chen Yu')).toEqual([
      { given: 'Ana', family: 'Silva' },
      { given: 'Ben', family: 'Okafor' },
      { given: 'Chen', family: 'Yu' },
    ]);
    expect(authorsOf('Ana Silva & Ben Okafor').map((a) => a.family)).toEqual(['Silva', 'Okafor']);
    expect(authorsOf('Ana Silva, Ben Okafor & Chen Yu').map((a) => a.family)).toEqual(['Silva', 'Okafor', 'Yu']);
  });

  it('gives no author for no byline', () => {
    expect(authorsOf(undefined)).toEqual([]);
    expect(authorsOf('')).toEqual([]);
  });

  it('does not split a name that holds "and" or "&" inside a word', () => {
    expect(authorsOf('Alexander Andersen')).toEqual([{ given: 'Alexander', family: 'Andersen' }]);
    expect(authorsOf('Sandra Anderson and Randall Sand')).toHaveLength(2);
  });
});

describe('splitName', () => {
  it('keeps lowercase particles with the family name', () => {
    expect(splitName('Ludwig van Beethoven')).toEqual({ given: 'Ludwig', family: 'van Beethoven' });
    expect(splitName('Maria de la Cruz')).toEqual({ given: 'Maria', family: 'de la Cruz' });
  });

  it('keeps a nickname with the given names', () => {
    expect(splitName('Ahmed “Sam” Khan')).toEqual({ given: 'Ahmed “Sam”', family: 'Khan' });
  });

  it('reads a one-word name as a family name alone', () => {
    expect(splitName('Reuters')).toEqual({ given: '', family: 'Reuters' });
  });

  it('keeps the first word given even when it looks like a particle', () => {
    expect(splitName('de Gaulle')).toEqual({ given: 'de', family: 'Gaulle' });
  });
});

describe('bylines as printed', () => {
  it('reads separators with any spacing, a comma list without "and", and trims each name', () => {
    expect(authorsOf('Ana Silva,Ben Okafor').map((a) => a.family)).toEqual(['Silva', 'Okafor']);
    expect(authorsOf('  Ana Silva  and   Ben Okafor ').map((a) => a.family)).toEqual(['Silva', 'Okafor']);
    expect(authorsOf('Ana Silva,  &  Ben Okafor').map((a) => a.family)).toEqual(['Silva', 'Okafor']);
    expect(authorsOf('Ana Silva ,and  Ben Okafor').map((a) => a.family)).toEqual(['Silva', 'Okafor']);
    expect(authorsOf('Ana Silva, , Ben Okafor')).toHaveLength(2);
  });

  it('splits a name at any run of white space', () => {
    expect(splitName('Giancarlo  Elia\tValori')).toEqual({ given: 'Giancarlo Elia', family: 'Valori' });
  });

  it('takes only whole particle words into the family name', () => {
    expect(splitName('Omar bin Laden')).toEqual({ given: 'Omar', family: 'bin Laden' });
    expect(splitName('Anna Vanderbilt Smith')).toEqual({ given: 'Anna Vanderbilt', family: 'Smith' });
    expect(splitName('Anna devan Smith')).toEqual({ given: 'Anna devan', family: 'Smith' });
  });
});
