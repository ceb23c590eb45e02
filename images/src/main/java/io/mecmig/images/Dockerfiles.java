package io.mecmig.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the Dockerfile of an app image from its {@link AppImage}, so the constants and the image never disagree. */
final class Dockerfiles {

    /** File name, in the build context, of the extra root filesystem layer (ASW: memcached). */
    static final String EXTRA_LAYER = "layer.tar";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dockerfiles() {
    }

    /** The Dockerfile of {@code image} on top of {@code base}; {@code withExtraLayer} adds {@value #EXTRA_LAYER}. */
    static String app(AppImage image, String base, boolean withExtraLayer, String inputsHash) {
        StringBuilder out = new StringBuilder();
        out.append("FROM ").append(base).append('\n');
        if (withExtraLayer) {
            out.append("ADD ").append(EXTRA_LAYER).append(" /\n");
        }
        out.append("COPY lib/ ").append(AppImages.LIB_DIR).append("/\n");
        out.append("RUN ").append(json(java.util.List.of("/bin/sh", "-c", AppImages.cdsTrainingScript(image)))).append('\n');
        out.append("WORKDIR ").append(image.workdir()).append('\n');
        out.append("ENV ").append(image.env().entrySet().stream()
                .map(e -> e.getKey() + "=" + json(e.getValue())).collect(Collectors.joining(" \\\n    "))).append('\n');
        out.append("EXPOSE ").append(image.exposedPorts().stream().map(String::valueOf).collect(Collectors.joining(" "))).append('\n');
        if (!image.volumes().isEmpty()) {
            out.append("VOLUME ").append(json(image.volumes())).append('\n');
        }
        out.append("LABEL ").append(labels(Map.of("io.mecmig.app", image.name(), ImageBuilder.INPUTS_LABEL, inputsHash))).append('\n');
        out.append("CMD ").append(json(image.command())).append('\n');
        return out.toString();
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + json(e.getValue())).collect(Collectors.joining(" "));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
