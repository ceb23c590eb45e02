package io.mecmig.images;

import com.github.dockerjava.api.command.InspectImageResponse;
import io.mecmig.gateway.GatewayImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the images into a Docker engine, with no registry:
 * <ol>
 * <li>{@code mecmig/base-java}: a root filesystem unpacked from Debian packages (glibc, libstdc++, zlib, busybox)
 * plus a {@code jlink}'ed Java runtime in {@code /opt/java}, tarred and imported as a single-layer image;</li>
 * <li>{@code mecmig/ba}, {@code mecmig/uspa}, {@code mecmig/asw}: {@code docker build} on top of it with the app's jars
 * and the CMD/ENV/WORKDIR/EXPOSE/VOLUME of {@link AppImages}; ASW adds a layer with memcached and its libraries.</li>
 * </ol>
 * Each image is tagged {@code repository:<hash of its inputs>} and {@code repository:latest}; when the hash tag is
 * already there, nothing is built. Typical use:
 * <pre>{@code
 * try (ImageBuilder images = ImageBuilder.on(URI.create("unix:///var/run/docker.sock"))
 *         .projectHome(Path.of(".")).build()) {
 *     for (BuiltImage image : images.buildAll()) { ... image.sizeMegabytes() ... }
 * }
 * }</pre>
 */
public final class ImageBuilder implements AutoCloseable {

    /** The label of every app image holding the hash of its inputs (its tag): a container's image says its build. */
    public static final String INPUTS_LABEL = "io.mecmig.inputs";

    /** Changes when the recipes below change, so that old images are not reused by mistake. */
    static final String RECIPE_VERSION = "1";
    /** Packages of the base root filesystem: what the jlink'ed JVM links against, and busybox for a shell and tar. */
    static final List<String> BASE_PACKAGES = List.of("libc6", "libgcc-s1", "libstdc++6", "zlib1g", "busybox-static");
    /** Packages of ASW's memcached layer (memcached and the libraries it links against). */
    static final List<String> MEMCACHED_PACKAGES = List.of("memcached", "libevent-2.1-7", "libsasl2-2",
            "libsasl2-modules-db", "libdb5.3", "libssl3");
    /** Packages of the gateway's base: apache2's binary and modules, and the libraries they link against. */
    static final List<String> HTTPD_PACKAGES = List.of("libc6", "libgcc-s1", "zlib1g", "busybox-static", "apache2-bin",
            "libapr1", "libaprutil1", "libcrypt1", "libexpat1", "libpcre2-8-0", "libssl3", "libuuid1");
    /** Repository of the base image. */
    public static final String BASE_JAVA = "mecmig/base-java";
    /** Repository of the gateway's base image (apache2 from Debian packages). */
    public static final String BASE_HTTPD = "mecmig/base-httpd";

    private final DockerEngine engine;
    private final Path cache;
    private final Function<String, AppDistribution> distributions;
    private final Consumer<String> progress;
    private final DebianPackages debs;

    private ImageBuilder(Builder b) {
        this.engine = new DockerEngine(b.engine, b.tls);
        this.cache = b.cache;
        this.distributions = b.distributions;
        this.progress = b.progress;
        this.debs = new DebianPackages(cache.resolve("debs"));
    }

    /** A builder of images in the engine at {@code engine} (e.g. {@code unix:///var/run/docker.sock}). */
    public static Builder on(URI engine) {
        return new Builder(engine);
    }

    /** Builds (or reuses) the base image, every app image, then the gateway's base and the gateway. */
    public List<BuiltImage> buildAll() {
        List<BuiltImage> built = new ArrayList<>();
        built.add(baseJava());
        for (AppImage app : AppImages.all()) {
            built.add(app(app));
        }
        built.add(baseHttpd());
        built.add(gateway());
        return built;
    }

    /** Builds (or reuses) {@code mecmig/base-httpd}: apache2 and its libraries unpacked from Debian packages. */
    public BuiltImage baseHttpd() {
        engine.ping();
        String tag = new Hashes().add("base-httpd 2 " + RECIPE_VERSION).add(String.join("\n", debs.fingerprint(HTTPD_PACKAGES))).tag();
        return reuseOrBuild("base-httpd", BASE_HTTPD, tag, () -> {
            Path work = tempDir("base-httpd");
            try {
                Path rootfs = Files.createDirectories(work.resolve("rootfs"));
                progress.accept("base-httpd: unpacking " + HTTPD_PACKAGES);
                debs.unpack(HTTPD_PACKAGES, rootfs);
                Rootfs.linkBusybox(rootfs);
                // Debian's apache2 drops privileges to www-data.
                Rootfs.addSystemFiles(rootfs, "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n", "www-data:x:33:\n");
                Rootfs.prune(rootfs);
                Path tarball = work.resolve("rootfs.tar");
                Rootfs.tar(rootfs, tarball);
                progress.accept("base-httpd: import into the engine");
                engine.importRootfs(tarball, BASE_HTTPD + ":" + tag);
                return BASE_HTTPD + ":" + tag;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DebianPackages.deleteQuietly(work);
            }
        });
    }

    /** Builds (or reuses) {@code mecmig/gateway} from the gateway module's Dockerfile and httpd configuration. */
    public BuiltImage gateway() {
        String base = baseHttpd().reference();
        Path context = tempDir("gateway");
        try {
            GatewayImage.writeBuildContext(context);
            String tag = new Hashes().add("gateway " + RECIPE_VERSION).add(base)
                    .add(Files.readString(context.resolve("Dockerfile"))).add(Files.readString(context.resolve("httpd-gateway.conf"))).tag();
            return reuseOrBuild("gateway", GatewayImage.IMAGE_NAME, tag, () -> {
                progress.accept("gateway: docker build");
                String reference = GatewayImage.IMAGE_NAME + ":" + tag;
                engine.build(context, Set.of(reference), java.util.Map.of(GatewayImage.BASE_IMAGE_ARG, base));
                return reference;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DebianPackages.deleteQuietly(context);
        }
    }

    /** Builds (or reuses) {@code mecmig/base-java}. */
    public BuiltImage baseJava() {
        engine.ping();
        String tag = new Hashes().add("base-java " + RECIPE_VERSION).add(String.join("\n", debs.fingerprint(BASE_PACKAGES)))
                .add(JavaRuntime.fingerprint()).tag();
        return reuseOrBuild("base-java", BASE_JAVA, tag, () -> {
            Path work = tempDir("base-java");
            try {
                Path rootfs = work.resolve("rootfs");
                Files.createDirectories(rootfs);
                progress.accept("base-java: unpacking " + BASE_PACKAGES);
                debs.unpack(BASE_PACKAGES, rootfs);
                Rootfs.linkBusybox(rootfs);
                Rootfs.addSystemFiles(rootfs);
                Rootfs.prune(rootfs);
                progress.accept("base-java: linking a Java runtime with " + JavaRuntime.MODULES);
                JavaRuntime.link(rootfs.resolve("opt/java"));
                Path tarball = work.resolve("rootfs.tar");
                Rootfs.tar(rootfs, tarball);
                progress.accept("base-java: import into the engine");
                engine.importRootfs(tarball, BASE_JAVA + ":" + tag);
                return BASE_JAVA + ":" + tag;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DebianPackages.deleteQuietly(work);
            }
        });
    }

    /** Builds (or reuses) the image of {@code app}, and the base image it sits on. */
    public BuiltImage app(AppImage app) {
        String base = baseJava().reference();
        AppDistribution distribution = distributions.apply(app.name());
        boolean memcached = app.name().equals("asw");
        Hashes inputs = new Hashes().add(app.name() + " " + RECIPE_VERSION).add(base)
                .add(Dockerfiles.app(app, base, memcached, "")); // CMD, ENV, JVM options: all part of the image
        if (memcached) {
            inputs.add(String.join("\n", debs.fingerprint(MEMCACHED_PACKAGES)));
        }
        distribution.jars().forEach(inputs::addJar);
        String tag = inputs.tag();
        return reuseOrBuild(app.name(), app.repository(), tag, () -> {
            Path context = tempDir(app.name());
            try {
                Path lib = Files.createDirectories(context.resolve("lib"));
                for (Path jar : distribution.jars()) {
                    Files.copy(jar, lib.resolve(jar.getFileName()));
                }
                if (memcached) {
                    progress.accept(app.name() + ": unpacking " + MEMCACHED_PACKAGES);
                    Path layer = Files.createDirectories(context.resolve("layer"));
                    debs.unpack(MEMCACHED_PACKAGES, layer);
                    Rootfs.prune(layer);
                    DebianPackages.deleteQuietly(layer.resolve("usr/share"));
                    Rootfs.tar(layer, context.resolve(Dockerfiles.EXTRA_LAYER));
                    DebianPackages.deleteQuietly(layer);
                }
                Files.writeString(context.resolve("Dockerfile"), Dockerfiles.app(app, base, memcached, tag));
                progress.accept(app.name() + ": docker build");
                String reference = app.repository() + ":" + tag;
                engine.build(context, Set.of(reference));
                return reference;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DebianPackages.deleteQuietly(context);
            }
        });
    }

    private BuiltImage reuseOrBuild(String name, String repository, String tag, Supplier<String> build) {
        String reference = repository + ":" + tag;
        long start = System.nanoTime();
        Optional<InspectImageResponse> existing = engine.inspect(reference);
        boolean reused = existing.isPresent();
        if (!reused) {
            build.get();
        }
        InspectImageResponse image = engine.inspect(reference).orElseThrow(() ->
                new ImageBuildException("the engine has no " + reference + " right after building it"));
        engine.tag(image.getId(), repository, "latest");
        Long size = image.getSize();
        return new BuiltImage(name, reference, repository + ":latest", image.getId(), size == null ? -1 : size, reused,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private Path tempDir(String prefix) {
        try {
            Files.createDirectories(cache);
            return Files.createTempDirectory(cache, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder in " + cache, e);
        }
    }

    DockerEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Configures an {@link ImageBuilder}. */
    public static final class Builder {
        private final URI engine;
        private Path cache = Path.of(System.getProperty("user.home"), ".cache", "mecmig", "images");
        private Function<String, AppDistribution> distributions = app -> {
            throw new ImageBuildException("no app jars configured: call projectHome(...) or distributions(...)");
        };
        private Consumer<String> progress = line -> { };
        private Path tls;

        private Builder(URI engine) {
            this.engine = engine;
        }

        /** Reaches a tcp:// engine over mutual TLS with the ca.pem, cert.pem and key.pem in {@code folder}. */
        public Builder tls(Path folder) {
            this.tls = folder;
            return this;
        }

        /** Where downloaded packages and work folders go ({@code ~/.cache/mecmig/images} by default). */
        public Builder cacheDir(Path dir) {
            this.cache = dir;
            return this;
        }

        /** Takes the apps' jars from the built modules of the checkout at {@code home}. */
        public Builder projectHome(Path home) {
            this.distributions = app -> AppDistribution.fromProject(home, app);
            return this;
        }

        /** Takes the apps' jars from {@code distributions} (app name to its jars). */
        public Builder distributions(Function<String, AppDistribution> distributions) {
            this.distributions = distributions;
            return this;
        }

        /** Receives one line per step (unpacking, linking, import, build). */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        /** The builder. */
        public ImageBuilder build() {
            return new ImageBuilder(this);
        }
    }
}
