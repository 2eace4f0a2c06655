export const ROOT: string;
export function build(targets: ('addin' | 'playground')[], options?: { quiet?: boolean }): Promise<string[]>;
