package io.mecmig.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mecmig.sandbox.SandboxControl;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the sandbox: Location API, RNIS and control API on one Javalin server.
 * Used through {@link io.mecmig.sandbox.MecSandbox}; public only so that class can reach it.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    private final Javalin app;
    private final List<AutoCloseable> parts = new ArrayList<>();

    private SandboxServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts serving.
     *
     * @param control     the clock and UEs to serve
     * @param sandboxName path prefix ({@code /NAME/location/v2/...}), or null for none
     * @param bindAddress address to listen on, e.g. {@code 0.0.0.0}
     * @param port        TCP port, 0 for any free one
     */
    public static SandboxServer start(SandboxControl control, String sandboxName, String bindAddress, int port) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.router.ignoreTrailingSlashes = true;
            cfg.http.prefer405over404 = true; // a known path with the wrong method: 405, not "no resource"
            cfg.startupWatcherEnabled = false;
        });
        SandboxServer server = new SandboxServer(app);
        NotificationSender sender = new NotificationSender();
        server.parts.add(sender);
        LocationQueries location = new LocationQueries(control);
        LocationSubscriptions locationSubs = new LocationSubscriptions(control, sender);
        RnisQueries rnis = new RnisQueries(control);
        RnisSubscriptions rnisSubs = new RnisSubscriptions(control, sender);
        ControlApi ctl = new ControlApi(control);
        String prefix = sandboxName == null || sandboxName.isBlank() ? "" : "/" + sandboxName;
        for (String root : List.of(prefix, prefix + "/mep1")) {
            location.register(app, root + "/location/v2");
            locationSubs.register(app, root + "/location/v2");
            rnis.register(app, root + "/rni/v2");
            rnisSubs.register(app, root + "/rni/v2");
        }
        ctl.register(app, prefix + "/control/v1");
        control.addListener(locationSubs);
        control.addListener(rnisSubs);
        server.parts.add(() -> control.removeListener(locationSubs));
        server.parts.add(() -> control.removeListener(rnisSubs));
        app.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("request {} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "Internal Server Error", e.toString());
        });
        app.error(404, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, 404, "Not Found", "no resource at " + ctx.path()
                        + ": the APIs are under " + prefix + "[/mep1]/location/v2/, " + prefix + "[/mep1]/rni/v2/ and "
                        + prefix + "/control/v1/");
            }
        });
        app.error(405, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, 405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path());
            }
        });
        app.start(bindAddress, port);
        return server;
    }

    /** True when a handler already answered with ProblemDetails (the error hook must not overwrite it). */
    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Json.PROBLEM_JSON);
    }

    static void problem(Context ctx, int status, String title, String detail) {
        ObjectNode p = Json.object();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", ctx.path());
        Json.write(ctx, status, p);
        ctx.contentType(Json.PROBLEM_JSON);
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        for (AutoCloseable c : parts) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", c, e);
            }
        }
        app.stop();
    }
}
