export interface Served {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}
export function serve(root: string, port?: number, host?: string): Promise<Served>;
