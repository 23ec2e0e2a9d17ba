import { describe, expect, test } from 'vitest';
import { excerptStart, titleWords } from '../../../../src/browser/search/excerpt';

const words = (text: string) => text.split(' ');

describe('excerptStart', () => {
  // 0-5: title; "security" alone at 4, "national security" together at 20-21.
  const content = words(
    'The Role of Cyber Security Today. ' + 'a b c d e f g h i j k l m n national security o p q r s t u v w x y z',
  );
  const locations = [4, 20, 21];

  test('shows the passage where most of the searched words meet, not the first place one occurs', () => {
    expect(excerptStart(content, locations, 12)).toBe(17); // 3 words of lead-in before "national"
  });

  test('leaves out the title, which the result shows already, unless only the title matches', () => {
    expect(excerptStart(content, [4, 28], 12, 6)).toBe(22);
    expect(excerptStart(content, [4], 12, 6)).toBe(1);
  });

  test('prefers more matches when as many different words show, then the earliest window', () => {
    const text = words('x security y z w security security v u t s r q p o n m l k security');
    expect(excerptStart(text, [1, 5, 6, 19], 4)).toBe(4);
    expect(excerptStart(text, [1, 19], 4)).toBe(0);
  });

  test('with nothing searched, shows the opening words after the title', () => {
    expect(excerptStart(content, [], 12, 6)).toBe(6);
  });

  test('never starts so late that the excerpt comes up short', () => {
    expect(content).toHaveLength(34);
    expect(excerptStart(content, [33], 12)).toBe(22);
  });
});

describe('titleWords', () => {
  test('counts the title when the content opens with it', () => {
    expect(
      titleWords('Evolutions of Strategic Intelligence. What is strategic', 'Evolutions of Strategic Intelligence'),
    ).toBe(4);
  });

  test('is 0 when the content does not open with the title', () => {
    expect(titleWords('What is strategic intelligence', 'Evolutions of Strategic Intelligence')).toBe(0);
    expect(titleWords('What is', undefined)).toBe(0);
  });
});
