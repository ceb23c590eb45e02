package io.mecmig.images;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an app's CDS training run (a start of the app at image build time; the JVM archives every class it loaded
 * as it exits) has beside it, so that it runs the same code as the app on a MEC host: the classes it loads go into
 * the archive, mapped from the image's file at every start instead of parsed into the app's private memory.
 *
 * @param files     files (path to content) in place during the run, as they are when a migrated app starts (USPA's
 *                  state file); removed after the run
 * @param companion a shell command started before the app and stopped after it, as the image's CMD starts it
 *                  beside the app (ASW: its memcached); empty for none
 * @param mecApi    whether the run polls {@link TrainingMecApi}'s fixed MEC answers, as the app polls a platform;
 *                  only for apps that write nothing of what they poll into the image's filesystem
 */
public record CdsTraining(Map<String, String> files, String companion, boolean mecApi) {

    public CdsTraining {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** A run that polls the training MEC platform, with nothing else beside it. */
    public static CdsTraining polling() {
        return new CdsTraining(Map.of(), "", true);
    }
}
