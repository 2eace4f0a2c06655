import { describeAction } from './atomic';

/** See atomic.ts: set up under a failure at every sync and every command of its write syncs. */
describeAction('set up');
