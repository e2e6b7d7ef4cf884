// Names of the publication jobs, shared by the features that enqueue them.

/** Publishes every advisory whose scheduled moment has come (features/publication/jobs/). */
export const PUBLISH_DUE_JOB = 'publication.publish-due';

/** Mails the confirmed subscribers of one published advisory revision, in batches (jobs/notify-subscribers-job.ts). */
export const NOTIFY_SUBSCRIBERS_JOB = 'publication.notify-subscribers';
