package io.mecmig.sandbox.http;

import io.javalin.http.Context;

/** Absolute URLs for resourceURL fields, built from the address the client used to reach us. */
final class Urls {
    private Urls() {
    }

    /** {@code scheme://host[:port]} + {@code root}, e.g. {@code http://127.0.0.1:8085/sbx/location/v2}. */
    static String base(Context ctx, String root) {
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            host = ctx.req().getLocalAddr() + ":" + ctx.port();
        }
        String proto = ctx.header("X-Forwarded-Proto");
        return (proto == null ? ctx.scheme() : proto) + "://" + host + root;
    }
}
