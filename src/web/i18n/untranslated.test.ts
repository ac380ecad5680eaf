/**
 * No user-visible text is written straight into a page: every .tsx file under src/web is parsed with the
 * TypeScript compiler and its JSX text, the string literals a JSX child can show, and the literal values of
 * attributes a user reads or hears (aria-label, title, placeholder, alt, …) must come from a catalogue. A text that
 * bypasses the catalogue would show Dutch in the English interface (or the other way round).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Attributes whose value is read or heard (aria-label, title, placeholder, alt, …) and our components' text props,
 * named by what they hold (label, loadingText, caption, heading, hint, description, legend, message, …).
 */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt']);
const isTextAttribute = (name: string) => TEXT_ATTRIBUTES.has(name) || /(label|text|title|caption|heading|hint|description|legend|message|summary)$/i.test(name);

/**
 * Words that are the same in Dutch and English, so they need no catalogue: the product's name, file formats and
 * the projection's percentile codes (P10/P50/P90, used as such in both languages), the prefix of an API token
 * (rt_…, typed by machines) and the thousands sign "k" of the price chart's axis (its title names the euros; a
 * full "€ 150.000" does not fit beside the axis).
 */
const SAME_IN_BOTH = new Set(['Regietafel', 'HTML', 'PDF', 'CSV', 'XLSX', 'JSON', 'OpenAPI', 'API', 'P10', 'P50', 'P90', 'rt_', 'k']);

const LETTER = /\p{L}/u;

/** The text once placeholders (`${…}`) are gone; empty or all SAME_IN_BOTH means nothing to translate. */
function needsTranslation(text: string): boolean {
  const words = (text.match(/[\p{L}_][\p{L}\p{N}_]*/gu) ?? []).filter((w) => LETTER.test(w));
  return words.some((w) => !SAME_IN_BOTH.has(w));
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** The literals an expression can evaluate to (through ?:, &&, ||, ?? and parentheses), not those it merely uses. */
function resultLiterals(e: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(e)) return resultLiterals(e.expression);
  if (ts.isConditionalExpression(e)) return [...resultLiterals(e.whenTrue), ...resultLiterals(e.whenFalse)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) {
    return [...resultLiterals(e.left), ...resultLiterals(e.right)];
  }
  return literalText(e) === null ? [] : [e];
}

export function untranslatedTexts(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const hits: string[] = [];
  const hit = (node: ts.Node, text: string) => {
    if (LETTER.test(text) && needsTranslation(text)) hits.push(`${fileName}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText().trim().slice(0, 80)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) hit(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const l of resultLiterals(node.expression)) hit(l, literalText(l)!);
    } else if (ts.isJsxAttribute(node) && node.initializer && isTextAttribute(node.name.getText())) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) hit(node, init.text);
      else if (ts.isJsxExpression(init) && init.expression) for (const l of resultLiterals(init.expression)) hit(l, literalText(l)!);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

/**
 * Numbers and dates shown without a named locale follow the browser's language, not the interface's: `1,234.5` or
 * `7/8/2022` in the Dutch interface. Calls of toLocale*String and Intl formats must name a locale.
 */
export function unlocalisedFormats(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const hits: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression.getText();
      const first = node.arguments?.[0];
      const noLocale = !first || first.kind === ts.SyntaxKind.UndefinedKeyword || first.getText() === 'undefined';
      if (noLocale && (/\.toLocale(Date|Time)?String$/.test(callee) || /^Intl\.(NumberFormat|DateTimeFormat)$/.test(callee))) {
        hits.push(`${fileName}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText().slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

function webSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? webSources(full) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsxFiles(full) : e.name.endsWith('.tsx') ? [full] : [];
  });
}

describe('untranslated texts in the pages', () => {
  it('finds the kinds of text it looks for (and leaves catalogue texts, codes and class names alone)', () => {
    const found = untranslatedTexts(
      'x.tsx',
      `const a = <p className="rt-x" title="Meer informatie">Hallo {'wereld'} {t.ok} {ok ? 'ja' : t.nee}</p>;
       const b = <input aria-label={\`Zoek \${n}\`} placeholder={t.zoek} alt="" />;
       const c = <a title={t.x}>Regietafel {'PDF'} {\`\${n}k\`}</a>;`,
    );
    expect(found.map((h) => h.split(' ').slice(1).join(' '))).toEqual(['title="Meer informatie"', 'Hallo', "'wereld'", "'ja'", '`Zoek ${n}`']);
  });

  it('finds a number or date formatted in the browser language', () => {
    const found = unlocalisedFormats('x.ts', `a.toLocaleString(); b.toLocaleDateString(undefined, {}); new Intl.NumberFormat();
      c.toLocaleString('nl-NL'); new Intl.DateTimeFormat(locale); s.toLocaleUpperCase('nl');`);
    expect(found.map((h) => h.split(' ').slice(1).join(' '))).toEqual(['a.toLocaleString()', 'b.toLocaleDateString(undefined, {})', 'new Intl.NumberFormat()']);
  });

  it('every number and date in src/web is formatted with a named locale (i18n/format.ts or a feature helper)', () => {
    expect(webSources(WEB).flatMap((f) => unlocalisedFormats(path.relative(WEB, f), fs.readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('every text in src/web/**/*.tsx comes from a catalogue', () => {
    const files = tsxFiles(WEB);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => untranslatedTexts(path.relative(WEB, f), fs.readFileSync(f, 'utf8')))).toEqual([]);
  });
});
