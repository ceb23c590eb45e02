package io.mecmig.cli;

import io.mecmig.docker.NetworkMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The {@code --network} option of the commands that deploy the sample apps: how an app is attached. */
final class NetworkOption {

    static final String DESCRIPTION = "how the apps are deployed: sandbox (the default: the app container joins a"
            + " network sandbox container <app>-net that publishes its port and holds its hosts lines; a migration"
            + " makes the target's sandbox before the downtime, so the app's start skips Docker's network set-up) or"
            + " bridge (Docker's bridge with -p on the app itself, as the paper did: Docker builds the network at each"
            + " start, inside the downtime). Migrations keep the mode of the app's source.";

    @Option(names = "--network", paramLabel = "sandbox|bridge", defaultValue = "sandbox", converter = Converter.class,
            description = DESCRIPTION + " Default: ${DEFAULT-VALUE}.")
    NetworkMode mode = NetworkMode.SANDBOX;

    /** {@code bridge} or {@code sandbox}, any case; anything else fails naming both. */
    static final class Converter implements ITypeConverter<NetworkMode> {
        @Override
        public NetworkMode convert(String value) {
            return NetworkMode.parse(value);
        }
    }
}
