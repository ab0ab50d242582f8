// The words of an import's preview: each problem the hub names by code and line, in the
// screen's language; and how the file was read. Pure, so every code is tested to have words.
import type { TFunction } from 'i18next';
import type { ImportProblem, ImportSource } from '../../main/common/imports';

export function problemText(t: TFunction, p: ImportProblem): string {
  const column = p.column ? t(p.code === 'missing_column' ? `imports.header.${p.column}` : `imports.words.${p.column}`) : '';
  const problem = t(`imports.problems.${p.code}`, { column, other: p.other, found: p.found, expected: p.expected });
  return t('imports.atLine', { line: p.line, problem });
}

export function sourceText(t: TFunction, s: ImportSource): string {
  return s.format === 'xlsx' ? t('imports.source.xlsx') : t('imports.source.csv', { encoding: s.encoding === 'gbk' ? 'GBK' : 'UTF-8' });
}
