/**
 * {@code mecmig setup}: installs and configures, idempotently, what mecmig needs on a Debian-like host
 * (Docker Engine with checkpoint support, a CRIU that works on recent kernels, sshd, rsync, memcached,
 * httpd, nftables, debootstrap). One {@link io.mecmig.testbed.setup.SetupStep} per concern, each
 * checked, applied only when needed, then verified.
 */
package io.mecmig.testbed.setup;
