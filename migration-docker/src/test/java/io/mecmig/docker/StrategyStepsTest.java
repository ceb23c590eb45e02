package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.Phase;
import io.mecmig.core.ServiceEffect;
import io.mecmig.core.Side;
import io.mecmig.core.Step;
import io.mecmig.core.Strategies;
import io.mecmig.core.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step lists follow the paper's procedures A and B, in order, on the right sides. */
class StrategyStepsTest {

    private static List<String> names(Strategy s, Phase p) {
        return s.steps(p).stream().map(Step::name).toList();
    }

    @Test
    void sfpIsExportScpImportThenStopTarSendCreateRunWithCmd() {
        Strategy sfp = Strategies.named("sfp");
        assertThat(names(sfp, Phase.PRE_RELOCATION)).containsExactly("docker inspect --size", "docker export",
                "scp tarball", "docker import", "remove tarballs", "create network sandbox");
        assertThat(names(sfp, Phase.RELOCATION)).containsExactly("tell app: relocation",
                "docker stop (until the app exits)", "tar volume", "dd | nc volume", "volume create + untar",
                "docker run (CMD given by hand)");
    }

    @Test
    void fccpIsCommitSaveScpLoadCreateThenTheSameRelocationWithoutManualCmd() {
        Strategy fccp = Strategies.named("FCCP");
        assertThat(names(fccp, Phase.PRE_RELOCATION)).containsExactly("docker inspect --size", "docker commit (pauses)",
                "docker save", "scp tarball", "docker load", "remove tarballs", "create network sandbox",
                "docker create (not started)");
        assertThat(names(fccp, Phase.RELOCATION)).containsExactly("docker start, held at gate", "tell app: relocation",
                "listen for the volume (nc -l)", "sender waits for the app's exit",
                "stop: kill -TERM + docker stop", "tar | nc volume", "untar into volume", "docker start (gate opened)");
    }

    @Test
    void fccpAbortRemovesTheContainerCreatedInPreRelocationBeforeItsVolumes() {
        List<String> abort = new FccpStrategy().rollback(Phase.PRE_RELOCATION).stream().map(Step::name).toList();
        assertThat(abort).contains("remove target container", "remove target volumes", "remove target image");
        assertThat(abort.indexOf("remove target container")).isLessThan(abort.indexOf("remove target volumes"));
        assertThat(abort.indexOf("remove target container")).isLessThan(abort.indexOf("remove target image"));
    }

    @Test
    void fccpsVolumeReceiverListensBeforeTheStopAndIsStoppedByRollback() {
        List<String> relocation = names(new FccpStrategy(), Phase.RELOCATION);
        assertThat(relocation.indexOf("listen for the volume (nc -l)"))
                .isLessThan(relocation.indexOf("stop: kill -TERM + docker stop"));
        assertThat(relocation.indexOf("sender waits for the app's exit"))
                .isLessThan(relocation.indexOf("stop: kill -TERM + docker stop"));
        List<String> rollback = new FccpStrategy().rollback(Phase.RELOCATION).stream().map(Step::name).toList();
        assertThat(rollback.subList(0, 2)).containsExactly("abort held start", "stop waiting senders and receivers");
        assertThat(new FccpStrategy().rollback(Phase.PRE_RELOCATION).stream().map(Step::name))
                .doesNotContain("stop waiting senders and receivers");
    }

    @Test
    void fccpHoldsItsStartBeforeTheStopAndRollbackReleasesItBeforeTheTargetContainerGoes() {
        List<Step> relocation = new FccpStrategy().steps(Phase.RELOCATION);
        List<String> names = relocation.stream().map(Step::name).toList();
        assertThat(names.indexOf("docker start, held at gate")).isLessThan(names.indexOf("stop: kill -TERM + docker stop"));
        assertThat(relocation.get(names.indexOf("docker start, held at gate")).effect()).isEqualTo(ServiceEffect.NONE);
        assertThat(relocation.get(relocation.size() - 1).effect()).isEqualTo(ServiceEffect.STARTS_SERVICE);
        List<String> rollback = new FccpStrategy().rollback(Phase.RELOCATION).stream().map(Step::name).toList();
        assertThat(rollback.indexOf("abort held start")).isLessThan(rollback.indexOf("remove target container"));
        assertThat(rollback.indexOf("remove start gates")).isGreaterThan(rollback.indexOf("abort held start"));
        assertThat(new FccpStrategy().rollback(Phase.PRE_RELOCATION).stream().map(Step::name))
                .doesNotContain("abort held start", "remove start gates");
    }

    @Test
    void relocationStopsOnTheSourceAndStartsOnTheTargetWithTransfersOnTheLink() {
        java.util.Map<Strategy, String> volumeCopy = java.util.Map.of(new SfpStrategy(), "dd | nc volume",
                new FccpStrategy(), "tar | nc volume");
        for (Strategy s : volumeCopy.keySet()) {
            List<Step> steps = s.steps(Phase.RELOCATION);
            Step stop = steps.stream().filter(x -> x.effect() == ServiceEffect.STOPS_SERVICE).findFirst().orElseThrow();
            Step start = steps.stream().filter(x -> x.effect() == ServiceEffect.STARTS_SERVICE).findFirst().orElseThrow();
            assertThat(stop.side()).isEqualTo(Side.SOURCE);
            assertThat(start.side()).isEqualTo(Side.TARGET);
            assertThat(steps.indexOf(stop)).isLessThan(steps.indexOf(start));
            assertThat(steps.stream().filter(x -> x.side() == Side.LINK).map(Step::name)).containsExactly(volumeCopy.get(s));
            assertThat(s.steps(Phase.PRE_RELOCATION).stream().filter(x -> x.side() == Side.LINK).map(Step::name))
                    .containsExactly("scp tarball");
        }
    }

    @Test
    void rollbackAfterRelocationRestartsTheSourceAndCleansTheTarget() {
        List<String> rollback = new FccpStrategy().rollback(Phase.RELOCATION).stream().map(Step::name).toList();
        assertThat(rollback).contains("restart source container", "leave migration mode", "remove target volumes",
                "remove target image");
        assertThat(rollback.indexOf("restart source container")).isLessThan(rollback.indexOf("remove target volumes"));
        assertThat(new SfpStrategy().rollback(Phase.PRE_RELOCATION).stream().map(Step::name))
                .doesNotContain("restart source container");
    }
}
