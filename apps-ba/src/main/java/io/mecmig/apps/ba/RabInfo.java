package io.mecmig.apps.ba;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The E-RAB information BA logs: the first cell of an RNIS {@code rab_info} answer, its first UE and that UE's
 * first E-RAB (ETSI MEC 012 field names).
 *
 * @param cellId     {@code cellUserInfo[0].ecgi.cellId}
 * @param mcc        {@code cellUserInfo[0].ecgi.plmn.mcc}
 * @param mnc        {@code cellUserInfo[0].ecgi.plmn.mnc}
 * @param ueAddress  {@code ueInfo[0].associateId[0].value}
 * @param erabId     {@code ueInfo[0].erabInfo[0].erabId}
 * @param qci        {@code ueInfo[0].erabInfo[0].erabQosParameters.qci}
 */
public record RabInfo(String cellId, String mcc, String mnc, String ueAddress, int erabId, int qci) {

    /** The first cell and UE of a {@code rab_info} answer, or empty when it lists no cell with a UE and E-RAB. */
    public static Optional<RabInfo> firstOf(JsonNode body) {
        for (JsonNode cell : body.path("cellUserInfo")) {
            for (JsonNode ue : cell.path("ueInfo")) {
                JsonNode erab = ue.path("erabInfo").path(0);
                if (erab.isMissingNode()) {
                    continue;
                }
                JsonNode ecgi = cell.path("ecgi");
                return Optional.of(new RabInfo(ecgi.path("cellId").asText(), ecgi.path("plmn").path("mcc").asText(),
                        ecgi.path("plmn").path("mnc").asText(), ue.path("associateId").path(0).path("value").asText(),
                        erab.path("erabId").asInt(), erab.path("erabQosParameters").path("qci").asInt()));
            }
        }
        return Optional.empty();
    }

    /** The log line of this information. */
    public String describe() {
        return "E-RAB info: cell " + cellId + " (plmn " + mcc + "/" + mnc + "), UE " + ueAddress + ", erabId " + erabId
                + ", qci " + qci;
    }
}
