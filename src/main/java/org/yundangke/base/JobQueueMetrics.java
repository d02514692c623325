package org.yundangke.base;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Component;

/**
 * The job queue in Prometheus: {@code yundangke_jobs{state="enqueued|processing|failed"}}, the transcodes, reminders
 * and rollups waiting, running and given up, read from JobRunr's store at each scrape.
 */
@Component
class JobQueueMetrics implements MeterBinder {

    private final StorageProvider jobs;

    JobQueueMetrics(StorageProvider jobs) {
        this.jobs = jobs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (StateName state : new StateName[] {StateName.ENQUEUED, StateName.PROCESSING, StateName.FAILED}) {
            Gauge.builder("yundangke.jobs", jobs, store -> store.countJobs(state))
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .description("background jobs in this state").register(registry);
        }
    }
}
