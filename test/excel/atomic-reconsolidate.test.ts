import { describeReconsolidate, describeSubmissions } from './atomic';

/** See atomic.ts: consolidating over a previous consolidation, and the report submissions. */
describeReconsolidate();
describeSubmissions();
