package io.mecmig.sandbox.http;

import java.util.regex.Pattern;

/** UE addresses as the Location API takes them: {@code acr:10.100.0.1} or the bare {@code 10.100.0.1}. */
final class Addresses {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]*");

    private Addresses() {
    }

    /** The UE id an address names, or 400 when the address is malformed. */
    static String ueId(String address) {
        int colon = address.indexOf(':');
        String scheme = colon > 0 ? address.substring(0, colon) : "";
        String id = scheme.equals("acr") || scheme.equals("sip") || scheme.equals("tel") ? address.substring(colon + 1) : address;
        if (!VALID.matcher(id).matches()) { // also "acr:" with nothing after the scheme
            throw ApiProblem.badRequest("malformed address '" + address
                    + "': give a UE address such as acr:10.100.0.1 or 10.100.0.1");
        }
        return id;
    }
}
