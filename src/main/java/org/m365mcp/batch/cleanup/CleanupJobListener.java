package org.m365mcp.batch.cleanup;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Ends a cleanup run with every step's counts as the job's exit status, for the console and the log. */
@Named
@Dependent
public class CleanupJobListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @Override
    public void afterJob() {
        String counts = CleanupTally.of(job).exitStatus();
        job.setExitStatus(counts.isEmpty() ? CleanupBatchlet.NO_STORE : counts);
    }
}
