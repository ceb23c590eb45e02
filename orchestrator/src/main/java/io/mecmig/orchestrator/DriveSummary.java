package io.mecmig.orchestrator;

import java.time.Duration;
import java.util.List;

/**
 * The tally of a drive.
 *
 * @param migrations every migration started, in order
 * @param completed migrations done
 * @param missed handovers not followed for lack of time
 * @param aborted migrations given up because the UE went elsewhere
 * @param failed migrations that failed (the app kept serving from the source)
 * @param totalDowntime the sum of the completed migrations' downtimes
 * @param stateContinuity true when every completed migration kept the app's state
 */
public record DriveSummary(List<MigrationRecord> migrations, int completed, int missed, int aborted, int failed,
                           Duration totalDowntime, boolean stateContinuity) {

    public DriveSummary {
        migrations = List.copyOf(migrations);
    }

    static DriveSummary of(List<MigrationRecord> records, int missed) {
        int done = 0;
        int aborted = 0;
        int failed = 0;
        Duration down = Duration.ZERO;
        boolean kept = true;
        for (MigrationRecord r : records) {
            switch (r.status()) {
                case COMPLETED -> {
                    done++;
                    down = down.plus(r.downtime());
                    kept &= r.statePreserved();
                }
                case ABORTED -> aborted++;
                case FAILED -> failed++;
            }
        }
        return new DriveSummary(records, done, missed, aborted, failed, down, kept);
    }
}
