// Merging the per-feature string files (renderer/i18n/areas/*.ts) into one resource tree.
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Tree = { [key: string]: string | Tree };

export interface AreaStrings {
  'zh-CN': Tree;
  en: Tree;
}

function mergeInto(target: Tree, source: Tree): Tree {
  const out: Tree = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    out[key] = typeof value === 'object' && typeof existing === 'object' ? mergeInto(existing, value) : value;
  }
  return out;
}

export function mergeAreas<T extends object>(base: T, areas: AreaStrings[], lng: keyof AreaStrings): T {
  return areas.reduce<Tree>((acc, area) => mergeInto(acc, area[lng]), base as unknown as Tree) as unknown as T;
}
