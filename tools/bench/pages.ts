/** The pages the benchmark measures, in the order their columns print. */
import type { BenchPage } from './types.ts';

export const pages: readonly BenchPage[] = [
  { path: '/', label: 'Appeal (en) /', appeal: true, lighthouse: true },
  // The Spanish edition: measured beside the English one as soon as it is built.
  { path: '/es/', label: 'Appeal (es) /es/', appeal: true, lighthouse: true, optional: true },
  { path: '/letters/minister/es/', label: 'Letter /letters/minister/es/', appeal: false, lighthouse: false },
];
