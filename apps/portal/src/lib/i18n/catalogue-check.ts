import { IntlMessageFormat } from 'intl-messageformat';
import { FALLBACK, type Catalogues, type Messages } from './catalogue';

/**
 * The check every catalogue must pass against English (catalogues.test.ts runs it on
 * locales/): each language the portal offers has every namespace and every key of English
 * and no other, each message parses as ICU for its language, and uses the same arguments,
 * of the same kinds, as English; a select offers the same cases; a plural has `other`
 * (a case for a category the language does not have, like Indonesian's `one`, is unused
 * but harmless, so it is not reported).
 */
export interface Problem {
  language: string;
  namespace: string;
  key?: string;
  problem: string;
}

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
// The parser's element types (@formatjs/icu-messageformat-parser TYPE).
const KIND: Record<number, string> = {
  1: 'argument',
  2: 'number',
  3: 'date',
  4: 'time',
  5: 'select',
  6: 'plural',
  8: 'tag',
};

function flatten(messages: Messages, prefix = '', out = new Map<string, unknown>()) {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, path, out);
    else out.set(path, value);
  }
  return out;
}

interface Shape {
  /** "name:kind" of every argument and tag, however deep. */
  arguments: Set<string>;
  /** The cases of each select, by argument. */
  selects: Map<string, string[]>;
  /** The cases of each plural, by argument. */
  plurals: Map<string, string[]>;
}

function shapeOf(elements: Element[], shape: Shape = emptyShape()): Shape {
  for (const element of elements) {
    const kind = KIND[element.type];
    if (kind && 'value' in element) shape.arguments.add(`${element.value}:${kind}`);
    if ('options' in element) {
      const cases = Object.keys(element.options);
      (kind === 'select' ? shape.selects : shape.plurals).set(String(element.value), cases);
      for (const option of Object.values(element.options)) shapeOf(option.value, shape);
    }
    if ('children' in element) shapeOf(element.children, shape);
  }
  return shape;
}

function emptyShape(): Shape {
  return { arguments: new Set(), selects: new Map(), plurals: new Map() };
}

function parse(message: string, language: string): Shape | string {
  try {
    return shapeOf(new IntlMessageFormat(message, language).getAst());
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const sorted = (values: Iterable<string>) => [...values].sort().join(', ') || 'none';

export function catalogueProblems(catalogues: Catalogues, languages: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const english = catalogues[FALLBACK] ?? {};
  for (const language of languages) {
    if (language === FALLBACK) continue;
    const own = catalogues[language] ?? {};
    for (const namespace of Object.keys(own))
      if (!(namespace in english))
        problems.push({ language, namespace, problem: 'a namespace English does not have' });
    for (const [namespace, source] of Object.entries(english)) {
      const report = (key: string, problem: string) =>
        problems.push({ language, namespace, key, problem });
      const translated = own[namespace];
      if (!translated) {
        problems.push({ language, namespace, problem: 'the namespace is missing' });
        continue;
      }
      const theirs = flatten(translated);
      const ours = flatten(source);
      for (const key of ours.keys()) if (!theirs.has(key)) report(key, 'missing');
      for (const [key, message] of theirs) {
        const reference = ours.get(key);
        if (reference === undefined) {
          report(key, 'a key English does not have');
          continue;
        }
        if (typeof message !== 'string') {
          report(key, 'not a string');
          continue;
        }
        const shape = parse(message, language);
        if (typeof shape === 'string') {
          report(key, `does not parse: ${shape}`);
          continue;
        }
        // English's own test reports an English message that is not one, or does not parse.
        if (typeof reference !== 'string') continue;
        const expected = parse(reference, FALLBACK);
        if (typeof expected === 'string') continue;
        if (sorted(shape.arguments) !== sorted(expected.arguments))
          report(
            key,
            `arguments differ: English has ${sorted(expected.arguments)}, this has ${sorted(shape.arguments)}`,
          );
        for (const [name, cases] of expected.selects) {
          const mine = shape.selects.get(name);
          if (mine && sorted(mine) !== sorted(cases))
            report(
              key,
              `select ${name} cases differ: English has ${sorted(cases)}, this has ${sorted(mine)}`,
            );
        }
        for (const [name, cases] of shape.plurals) {
          if (!cases.includes('other')) report(key, `plural ${name} has no other`);
        }
      }
    }
  }
  return problems;
}

/** One line per problem, for a test's failure message. */
export function describeProblems(problems: readonly Problem[]): string[] {
  return problems.map(
    (p) => `${p.language}/${p.namespace}.json${p.key ? ` ${p.key}` : ''}: ${p.problem}`,
  );
}
