/** What every desk command is: its help, its options, and how it runs once its input is checked. */
import type pg from 'pg';
import type { ReportChoices } from '../../src/lib/reports/choices.ts';
import type { Database } from './connect.ts';

export interface DeskIO {
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The checkout whose running `npm start` the desk looks for (.netlify/database.json); this one by default. */
  root?: string;
}

interface Context {
  client: pg.Client;
  database: Database;
  io: DeskIO;
  /** The campaign's officials and languages, from the checkout's content/, as the site lists them. */
  choices: ReportChoices;
}

/** The options a command was given, as node:util parseArgs reads them. */
export interface Options {
  json?: boolean;
  csv?: boolean;
  reason?: string;
  since?: string;
  until?: string;
  what?: string;
  'dry-run'?: boolean;
}

export interface Command {
  /** One line for the command list. */
  summary: string;
  /** The rest of `<command> --help`: usage, what it does, options, examples. */
  help: string;
  options: Record<string, { type: 'boolean' | 'string' }>;
  /** Checks the input before any connection, so bad input never waits for a database; returns the run. */
  prepare(values: Options, positionals: string[]): (context: Context) => Promise<number>;
}
