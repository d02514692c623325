package org.yundangke.base;

import org.jobrunr.storage.JobStats;
import org.jobrunr.storage.StorageProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * "jobQueue" in the health groups: JobRunr's job store answers (transcodes, reminders and rollups wait there), with how
 * many jobs are waiting, running and failed, and how many nodes take jobs.
 */
@Component
class JobQueueHealthIndicator extends AbstractHealthIndicator {

    private final StorageProvider jobs;

    JobQueueHealthIndicator(StorageProvider jobs) {
        this.jobs = jobs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobStats stats = jobs.getJobStats();
        builder.up().withDetail("enqueued", stats.getEnqueued()).withDetail("processing", stats.getProcessing())
                .withDetail("failed", stats.getFailed()).withDetail("servers", stats.getBackgroundJobServers());
    }
}
