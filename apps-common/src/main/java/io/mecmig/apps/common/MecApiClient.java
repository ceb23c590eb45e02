package io.mecmig.apps.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads the MEC service APIs (Location API, RNIS) over HTTP with okhttp. Every failure becomes a
 * {@link MecApiException} whose message names the URL and the likely fix; retrying is the poll loop's job,
 * so one call never waits longer than about one second.
 */
public final class MecApiClient implements AutoCloseable {

    private final String baseUrl;
    private Wiring wiring; // built at the first call, guarded by this

    /**
     * A client for the MEC APIs under {@code baseUrl} (e.g. {@code http://mec-gateway/sbx/}). The HTTP client is
     * built at the first call, on the caller's thread: okhttp and its Kotlin runtime are hundreds of classes, and
     * an app that answers {@code /health} before its first MEC call is ready that much sooner after a restart.
     */
    public MecApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The parsed base URL (null when it does not parse: every call then says so) and the HTTP client. */
    private record Wiring(HttpUrl base, OkHttpClient http) {
    }

    private synchronized Wiring wiring() {
        if (wiring == null) {
            HttpUrl base = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
            wiring = new Wiring(base, newHttpClient(base == null || base.isHttps()));
        }
        return wiring;
    }

    /**
     * The HTTP client; without {@code tls} it speaks cleartext HTTP only. okhttp sets up TLS (the JDK's SSLContext, its
     * trust store of about 140 certificates, the secure random seed) when it builds a client that may speak it: over
     * a third of a second of CPU right after a (re)start, taken from the app's first /health answers. A plain
     * {@code http://} base URL, the testbed's gateway, never needs it.
     */
    private static OkHttpClient newHttpClient(boolean tls) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (!tls) {
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        return builder
                .connectTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofMillis(1500))
                .retryOnConnectionFailure(false)
                // No idle connection survives a call: a checkpoint (CRIU) between polls then holds no open TCP
                // connection to the gateway, which would not exist on the target host.
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .build();
    }

    /** The base URL this client was configured with. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * GETs {@code relativePath} (e.g. {@code rni/v2/queries/rab_info}) with the given query parameters.
     *
     * @return the JSON body, or empty when the API answers 404 (nothing matches the query)
     * @throws MecApiException when the URL is invalid, the API is unreachable or answers an error
     */
    public Optional<JsonNode> get(String relativePath, Map<String, String> query) {
        Wiring w = wiring();
        HttpUrl url = url(w.base(), relativePath, query);
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        try (Response response = w.http().newCall(request).execute()) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new MecApiException("MEC API answered HTTP " + response.code() + " for GET " + url
                        + abbreviate(text) + ": check that " + AppConfig.MEC_BASE_URL + " points at the gateway or sandbox");
            }
            return Optional.of(Json.mapper().readTree(text));
        } catch (IOException e) {
            throw new MecApiException("MEC API unreachable at " + url + " (" + e + "): check that the gateway/sandbox "
                    + "is running and that " + AppConfig.MEC_BASE_URL + " is right", e);
        }
    }

    private HttpUrl url(HttpUrl base, String relativePath, Map<String, String> query) {
        if (base == null) {
            throw new MecApiException(AppConfig.MEC_BASE_URL + "='" + baseUrl + "' is not an http(s) URL: set it to e.g. "
                    + AppConfig.DEFAULT_MEC_BASE_URL);
        }
        HttpUrl resolved = base.resolve(relativePath);
        if (resolved == null) {
            throw new MecApiException("cannot resolve '" + relativePath + "' against " + base);
        }
        HttpUrl.Builder builder = resolved.newBuilder();
        query.forEach(builder::addQueryParameter);
        return builder.build();
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        if (oneLine.isEmpty()) {
            return "";
        }
        return " (" + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine) + ")";
    }

    @Override
    public synchronized void close() {
        if (wiring != null) {
            wiring.http().dispatcher().executorService().shutdown();
            wiring.http().connectionPool().evictAll();
        }
    }
}
