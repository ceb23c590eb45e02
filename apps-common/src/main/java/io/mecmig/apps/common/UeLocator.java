package io.mecmig.apps.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Follows one UE through the Location API ({@code location/v2/queries/users}). Without a configured address it
 * picks the first user the API lists and then sticks to that address, so the app follows one UE throughout.
 */
public final class UeLocator {

    static final String USERS_PATH = "location/v2/queries/users";

    private final MecApiClient mec;
    private volatile String address;

    /** A locator of the UE at {@code address}, or of the first listed user when it is empty. */
    public UeLocator(MecApiClient mec, Optional<String> address) {
        this.mec = mec;
        this.address = address.orElse(null);
    }

    /** The followed address, once known. */
    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    /**
     * The UE's current location.
     *
     * @return empty when the API does not list the UE (unknown address, or no users at all)
     * @throws MecApiException when the API cannot be read
     */
    public Optional<UserLocation> locate() {
        Map<String, String> query = address == null ? Map.of() : Map.of("address", address);
        Optional<UserLocation> found = mec.get(USERS_PATH, query).flatMap(UeLocator::firstUser);
        if (address == null) {
            found.ifPresent(user -> address = user.address());
        }
        return found;
    }

    /** The first element of {@code userList.user[]}, if any. */
    static Optional<UserLocation> firstUser(JsonNode body) {
        JsonNode users = body.path("userList").path("user");
        if (!users.isArray() || users.isEmpty()) {
            return Optional.empty();
        }
        JsonNode user = users.get(0);
        return Optional.of(new UserLocation(user.path("address").asText(), user.path("accessPointId").asText(),
                user.path("zoneId").asText()));
    }
}
