package io.mecmig.images;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MEC platform an app's CDS training run (at image build time, no network) talks to: fixed answers of the
 * Location API and RNIS, as the embedded sandbox gives them, served from files by busybox's {@code httpd} on the
 * build container's loopback. With it the training run polls as the app does on a testbed (okhttp's call, Jackson's
 * tree and, for ASW, its zone records written to and read from memcached), so the classes of that path go into the
 * archive: outside it, they are parsed into metaspace and malloc'ed symbols at the first poll of every start, about
 * 6 MB of the app's private memory that a CRIU checkpoint of it then carries.
 */
final class TrainingMecApi {

    /** Where the answers are served from during the run; removed after it. */
    static final String ROOT = "/tmp/mecmig-training-api";
    /** The loopback port of the training platform (the apps' status port is 8080). */
    static final int PORT = 18085;
    /** The apps' {@code MEC_BASE_URL} during the training run. */
    static final String BASE_URL = "http://127.0.0.1:" + PORT + "/sbx/";

    private static final String LOCATION = "/sbx/location/v2/queries/";

    private TrainingMecApi() {
    }

    /**
     * File path under {@link #ROOT} to content: one UE in zone01, that zone and two of its access points, and one
     * RNIS E-RAB. {@code zones/zone01} is also the folder of {@code zones/zone01/accessPoints}, so its answer is that
     * folder's {@code index.html} (httpd redirects {@code zones/zone01} there, and okhttp follows).
     */
    static Map<String, String> answers() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(LOCATION + "users", "{\"userList\":{\"user\":[{\"address\":\"10.100.0.1\",\"accessPointId\":\"4g-macro-cell-1\","
                + "\"zoneId\":\"zone01\",\"timestamp\":{\"seconds\":1795766250,\"nanoSeconds\":0},\"locationInfo\":{\"latitude\":"
                + "[43.72764],\"longitude\":[7.419344],\"shape\":2}}],\"resourceURL\":\"" + BASE_URL + "location/v2/queries/users\"}}");
        files.put(LOCATION + "zones/zone01/index.html", "{\"zoneInfo\":{\"zoneId\":\"zone01\",\"numberOfAccessPoints\":2,"
                + "\"numberOfUnserviceableAccessPoints\":0,\"numberOfUsers\":1}}");
        files.put(LOCATION + "zones/zone01/accessPoints", "{\"accessPointList\":{\"zoneId\":\"zone01\",\"accessPoint\":["
                + accessPoint("4g-macro-cell-1", "Macro") + "," + accessPoint("wifi-ap-1", "Wifi") + "]}}");
        files.put("/sbx/rni/v2/queries/rab_info", "{\"requestId\":\"1\",\"cellUserInfo\":[{\"ecgi\":{\"cellId\":\"1010101\","
                + "\"plmn\":{\"mcc\":\"001\",\"mnc\":\"001\"}},\"ueInfo\":[{\"associateId\":[{\"type\":1,\"value\":\"10.100.0.1\"}],"
                + "\"erabInfo\":[{\"erabId\":1,\"erabQosParameters\":{\"qci\":80}}]}]}]}");
        return files;
    }

    private static String accessPoint(String id, String connectionType) {
        return "{\"accessPointId\":\"" + id + "\",\"connectionType\":\"" + connectionType + "\",\"operationStatus\":\"Serviceable\","
                + "\"numberOfUsers\":0,\"interestRealm\":\"zone01\"}";
    }
}
