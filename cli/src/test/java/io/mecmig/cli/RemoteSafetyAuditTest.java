package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the project's own sources (every module's main code, and the scripts) for the few constructs that
 * would make a remote host unsafe to use: accepting any SSH host key, trusting any TLS certificate, or
 * handing a whole command line to a shell through {@code Runtime.exec(String)}.
 */
class RemoteSafetyAuditTest {

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("PromiscuousVerifier"),
            Pattern.compile("StrictHostKeyChecking\\s*=?\\s*(no|off|accept-new)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("UserKnownHostsFile\\s*=?\\s*/dev/null", Pattern.CASE_INSENSITIVE),
            Pattern.compile("TrustAll|InsecureTrustManager|NoopHostnameVerifier|ALLOW_ALL_HOSTNAME"),
            Pattern.compile("Runtime\\.getRuntime\\(\\)\\.exec\\("));

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent(); // tests run in cli/

    @Test
    void noSourceAcceptsEveryKeyOrHandsALineToAShell() {
        List<String> hits = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern p : FORBIDDEN) {
                    if (p.matcher(lines.get(i)).find()) {
                        hits.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(sources()).as("the audit must see the project's sources").hasSizeGreaterThan(50);
        assertThat(hits).isEmpty();
    }

    private static List<Path> sources() {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !ROOT.relativize(p).toString().contains("/target/"))
                    .filter(p -> !ROOT.relativize(p).startsWith(".git"))
                    .filter(RemoteSafetyAuditTest::isAudited)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isAudited(Path p) {
        String rel = ROOT.relativize(p).toString();
        String name = p.getFileName().toString();
        return rel.contains("/src/main/") || name.endsWith(".sh") || rel.equals("mecmig") || rel.startsWith(".ci/")
                || name.equals("ssh_config") || name.endsWith(".conf");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of(); // a binary resource: nothing to audit
        }
    }
}
