package io.mecmig.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's httpd configuration, rendered from the template {@code httpd-gateway.conf.template}:
 * {@code ProxyPass / MEC_BASE_URL/} with the paths, port and run user filled in.
 */
public final class GatewayConfig {
    static final String TEMPLATE = "/io/mecmig/gateway/httpd-gateway.conf.template";

    /**
     * Hands the client's Host header to the platform, which builds its answers' resourceURLs from it: they then name
     * the gateway, not the platform's own address behind it. Set for http:// platforms only (see the template).
     */
    private static final String PRESERVE_HOST = "ProxyPreserveHost On";

    private final Map<String, String> values;

    private GatewayConfig(Map<String, String> values) {
        this.values = values;
    }

    /**
     * A configuration for httpd running directly on this host, everything under {@code serverRoot}.
     *
     * @param mecBaseUrl  where requests go, e.g. {@code http://127.0.0.1:8085} (path kept, trailing slash dropped)
     * @param listen      {@code ADDRESS:PORT} to listen on, e.g. {@code 127.0.0.1:8080}
     * @param serverRoot  a directory of the gateway's own for pid file, runtime files and logs
     * @param modulesDir  the directory holding {@code mod_proxy.so} and friends
     * @param runAs       user to run the workers as when started by root, or null
     */
    public static GatewayConfig forHost(String mecBaseUrl, String listen, Path serverRoot, Path modulesDir, String runAs) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("SERVER_ROOT", serverRoot.toString());
        v.put("LISTEN", listen);
        v.put("PID_FILE", serverRoot.resolve("httpd.pid").toString());
        v.put("RUNTIME_DIR", serverRoot.resolve("run").toString());
        v.put("USER_GROUP", runAs == null ? "" : "User " + runAs + "\nGroup " + runAs);
        v.put("MODULES_DIR", modulesDir.toString());
        v.put("ERROR_LOG", serverRoot.resolve("error.log").toString());
        v.put("ACCESS_LOG", serverRoot.resolve("access.log").toString());
        String url = normalise(mecBaseUrl);
        v.put("SSL_PROXY", url.startsWith("https://") ? sslProxy(modulesDir.toString()) : "");
        v.put("PRESERVE_HOST", url.startsWith("http://") ? PRESERVE_HOST : "");
        v.put("MEC_BASE_URL", url);
        return new GatewayConfig(v);
    }

    /**
     * The configuration baked into the gateway image: Debian paths, logs to the container's stdout/stderr,
     * and the MEC base URL and port read from the {@code MEC_BASE_URL} and {@code GATEWAY_PORT} environment
     * variables when httpd starts.
     */
    public static GatewayConfig forContainer() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("SERVER_ROOT", "/etc/mecmig-gateway");
        v.put("LISTEN", "${GATEWAY_PORT}");
        v.put("PID_FILE", "/var/run/mecmig-gateway/httpd.pid");
        v.put("RUNTIME_DIR", "/var/run/mecmig-gateway");
        v.put("USER_GROUP", "User www-data\nGroup www-data");
        v.put("MODULES_DIR", "/usr/lib/apache2/modules");
        v.put("ERROR_LOG", "/proc/self/fd/2");
        v.put("ACCESS_LOG", "/proc/self/fd/1");
        v.put("SSL_PROXY", sslProxy("/usr/lib/apache2/modules")); // the URL is only known at run time
        v.put("PRESERVE_HOST", "<If \"'${MEC_BASE_URL}' =~ m#^http://#\">\n    " + PRESERVE_HOST + "\n</If>");
        v.put("MEC_BASE_URL", "${MEC_BASE_URL}");
        return new GatewayConfig(v);
    }

    /** mod_ssl for an https MEC platform such as the ETSI MEC Sandbox. */
    private static String sslProxy(String modulesDir) {
        return "LoadModule socache_shmcb_module " + modulesDir + "/mod_socache_shmcb.so\n"
                + "LoadModule ssl_module " + modulesDir + "/mod_ssl.so\n"
                + "SSLProxyEngine On";
    }

    /** The httpd.conf text. */
    public String render() {
        String text = template();
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("@" + e.getKey() + "@", e.getValue());
        }
        if (text.matches("(?s).*@[A-Z_]+@.*")) {
            throw new IllegalStateException("the gateway template has a placeholder this version does not fill: rebuild gateway");
        }
        return text;
    }

    /** The MEC platform URL requests are forwarded to, without trailing slash. */
    public String mecBaseUrl() {
        return values.get("MEC_BASE_URL");
    }

    /**
     * Checks and normalises a MEC platform base URL: http or https, a host, no query, no fragment, no
     * characters that would break the httpd configuration; the trailing slash is dropped.
     */
    static String normalise(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no MEC platform URL: give one such as http://127.0.0.1:8085");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MEC platform URL '" + url + "' is malformed (" + e.getReason()
                    + "): give one such as http://127.0.0.1:8085 or https://try-mec.etsi.org");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("MEC platform URL '" + url
                    + "' needs http:// or https:// and a host, e.g. http://127.0.0.1:8085");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || url.contains("\"")) {
            throw new IllegalArgumentException("MEC platform URL '" + url + "' must not carry a query, fragment or quote");
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String template() {
        try (InputStream in = GatewayConfig.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the gateway jar: rebuild gateway");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TEMPLATE + ": " + e.getMessage(), e);
        }
    }
}
