// Types of start-decision.mjs, so its vitest test typechecks under tsconfig.json (no allowJs).
export declare const HUB_PORT: number;
export declare const PROBE_TIMEOUT_MS: number;
export declare const DEMO_LOGINS: [string, string][];
export declare const DEMO_PIN: string;
export declare const SCREENS: string[];

export type ProbeAnswer = { ok: true; binary: string } | { ok: false; why: string };
export interface Step {
  command: string;
  args: string[];
}
export interface Launch {
  mode: 'electron' | 'hub';
  message: string;
  steps: Step[];
}

export declare function hasDisplay(platform: string, env: Record<string, string | undefined>): boolean;
export declare function readProbe(
  outcome: { code: number | null; timedOut: boolean; stdout: string },
  exists: (path: string) => boolean,
): ProbeAnswer;
export declare function decideLaunch(input: {
  platform: string;
  env: Record<string, string | undefined>;
  electron: ProbeAnswer | null;
  rendererBuilt: boolean;
  node: string;
}): Launch;
export declare function shouldProbe(platform: string, env: Record<string, string | undefined>): boolean;
export declare function listeningUrl(line: string): string | null;
export declare function hubBanner(baseUrl: string): string[];
