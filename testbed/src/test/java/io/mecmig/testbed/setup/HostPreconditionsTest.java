package io.mecmig.testbed.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.testbed.exec.FakeRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPreconditionsTest {

    @TempDir
    Path root;

    private SetupPaths paths(String osRelease) throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Files.createDirectories(paths.osRelease().getParent());
        Files.writeString(paths.osRelease(), osRelease);
        return paths;
    }

    @Test
    void acceptsRootOnDebian() throws Exception {
        FakeRunner runner = new FakeRunner().answer("id -u", "0\n").answer("apt-get --version", "apt 2.6.1");
        OsRelease os = new HostPreconditions(runner, paths("ID=debian\nVERSION_CODENAME=bookworm\n")).require();
        assertThat(os.codename()).isEqualTo("bookworm");
    }

    @Test
    void refusesNonRootWithTheFix() throws Exception {
        FakeRunner runner = new FakeRunner().answer("id -u", "1000\n");
        assertThatThrownBy(() -> new HostPreconditions(runner, paths("ID=debian\n")).require())
                .isInstanceOf(SetupException.class).hasMessageContaining("must run as root").hasMessageContaining("sudo");
    }

    @Test
    void refusesOtherDistributions() throws Exception {
        FakeRunner runner = new FakeRunner().answer("id -u", "0\n");
        assertThatThrownBy(() -> new HostPreconditions(runner, paths("ID=fedora\nPRETTY_NAME=\"Fedora 40\"\n")).require())
                .hasMessageContaining("Debian and Ubuntu only, this is Fedora 40");
    }

    @Test
    void refusesASystemWithoutOsReleaseNamingTheFile() {
        FakeRunner runner = new FakeRunner().answer("id -u", "0\n");
        SetupPaths paths = SetupPaths.under(root); // no etc/os-release written
        assertThatThrownBy(() -> new HostPreconditions(runner, paths).require())
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("cannot read " + paths.osRelease() + " to tell which Linux this is")
                .hasMessageContaining("supports Debian and Ubuntu");
    }

    @Test
    void refusesWithoutApt() throws Exception {
        FakeRunner runner = new FakeRunner().answer("id -u", "0\n").answer("apt-get --version", 127, "", "not found");
        assertThatThrownBy(() -> new HostPreconditions(runner, paths("ID=debian\n")).require())
                .hasMessageContaining("no working apt-get");
    }
}
