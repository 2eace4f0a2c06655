export type ProgramName = 'soffice' | 'pdftoppm' | 'chromium' | 'xmllint';
export const PROGRAMS: Record<ProgramName, { package: string; tests: string; found(): boolean }>;
export function has(name: ProgramName): boolean;
export function missing(): ProgramName[];
export function sharedDir(): string;
