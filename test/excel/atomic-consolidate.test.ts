import { describeAction } from './atomic';

/** See atomic.ts: consolidate under a failure at every sync and every command of its write syncs. */
describeAction('consolidate');
