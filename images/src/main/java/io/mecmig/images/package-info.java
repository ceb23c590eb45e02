/**
 * Container images of the sample apps (BA, USPA, ASW) and of the gateway, built without a registry.
 *
 * <p>What the images promise is in {@link io.mecmig.images.AppImages} (CMD, ENV, WORKDIR, ports, volume), so that
 * a strategy that loses the image configuration (SFP's {@code docker import}) can pass it by hand.
 * {@link io.mecmig.images.ImageBuilder} builds them: a base rootfs from Debian packages
 * ({@code apt-get download} + {@code dpkg-deb -x}) with busybox and a {@code jlink}'ed Java runtime,
 * {@code docker import}'ed, then one {@code docker build} per app on top of it. Every image is tagged with a hash
 * of its inputs, so an unchanged image is never rebuilt. {@link io.mecmig.images.AppStatusClient} reads an app's
 * {@code /health} and {@code /state}.
 */
package io.mecmig.images;
