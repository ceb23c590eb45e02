package io.mecmig.docker;

import io.mecmig.core.Measures;
import io.mecmig.core.Phase;
import io.mecmig.core.Rollbacks;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.Step;
import io.mecmig.core.Strategy;
import io.mecmig.docker.transfer.Checksums;
import java.util.ArrayList;
import java.util.List;

/**
 * SFP, Simple Filesystem Preservation. Procedure A: {@code docker export} of the container's flattened
 * filesystem, {@code scp} of the tarball, {@code docker import} on the target. Procedure B: tell the app,
 * {@code docker stop}, tar the volume, send it raw ({@code dd | nc}), create the volume on the target, and
 * {@code docker run} the imported image with the CMD given by hand. An imported image has no CMD, ENV,
 * WORKDIR or ports: only the CMD is given back (it is recorded as manual input), nothing else.
 */
public final class SfpStrategy implements Strategy {

    @Override
    public String name() {
        return "sfp";
    }

    @Override
    public String description() {
        return "export, scp, import; then stop, tar the volume, dd | nc, run with the CMD given by hand";
    }

    @Override
    public StateNeeds preserves() {
        // The filesystem and the volume: the user state a migration-aware app keeps on the volume, if it
        // still finds it there without its configuration.
        return StateNeeds.USER_STATE;
    }

    @Override
    public List<Step> steps(Phase phase) {
        if (phase == Phase.PRE_RELOCATION) {
            return List.of(CommonSteps.inspectSource(), export(), CommonSteps.scpTarball(), importImage(),
                    CommonSteps.removeTarballs(), CommonSteps.createSandbox());
        }
        List<Step> steps = new ArrayList<>(CommonSteps.relocationUpToRun());
        steps.add(run());
        return steps;
    }

    @Override
    public List<Step> rollback(Phase failed) {
        List<Step> steps = new ArrayList<>(Rollbacks.restartSource(failed));
        steps.addAll(CommonSteps.cleanUp());
        return steps;
    }

    @Override
    public List<Step> afterMigration() {
        return MigrationImages.afterMigration();
    }

    static Step export() {
        return Step.onSource("docker export", ctx -> {
            if (ctx.app().command().isEmpty()) {
                throw new IllegalStateException("SFP needs the app's CMD given by hand, because docker import loses"
                        + " it: set AppSpec.command(...) for '" + ctx.app().container() + "'");
            }
            DockerHost source = ctx.source(DockerHost.class);
            String tarball = source.workFile(ctx.migrationId() + ".export.tar");
            source.dockerCli(DockerHost.LONG, "export", "-o", tarball, ctx.app().container());
            ctx.measure(Measures.TARBALL_SIZE, source.fileSize(tarball));
            ctx.put(DockerKeys.SOURCE_TARBALL, tarball);
        });
    }

    static Step importImage() {
        return Step.onTarget("docker import", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            String image = CommonSteps.imageName(ctx);
            ctx.put(DockerKeys.TARGET_IMAGE, image);
            // docker import checks nothing: a damaged tarball would become the app's filesystem.
            String tarball = ctx.get(DockerKeys.TARGET_TARBALL);
            Checksums.runIfIntact(target, tarball, ctx.get(DockerKeys.TARBALL_SUM), "image tarball",
                    target.dockerCommand("import", tarball, image), DockerHost.LONG);
        });
    }

    static Step run() {
        return Step.onTarget("docker run (CMD given by hand)", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            SourceLayout layout = ctx.get(DockerKeys.LAYOUT);
            List<String> cmd = ctx.app().command();
            ctx.manualInput("CMD given by hand: " + String.join(" ", cmd));
            target.run(layout.targetLaunch(ctx.app().container(), ctx.get(DockerKeys.TARGET_IMAGE), cmd,
                    ctx.app().servicePort()));
        }).startsService();
    }
}
