package dev.layerstudio.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProbeModule;
import dev.layerstudio.model.ProbeReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the probe handler's one line of JSON ({@code layer_studio_probe.py}) into a {@link ProbeReport}. */
public final class ProbeAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_CHARS = 300;

    private ProbeAnswer() {
    }

    /**
     * @param payload what the probe function returned
     * @param runtime the runtime id it ran, {@code architecture} likewise; {@code layerArn} the version tested
     */
    public static ProbeReport parse(String payload, String runtime, String architecture, String region,
                                    String layerArn) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw unexpected(payload, e);
        }
        if (root == null || !root.path("probe").isInt() || !root.path("modules").isArray()) {
            throw unexpected(payload, null);
        }
        List<ProbeModule> modules = new ArrayList<>();
        for (JsonNode m : root.path("modules")) {
            modules.add(new ProbeModule(m.path("name").asText(), m.path("ok").asBoolean(false),
                    m.path("seconds").isNumber() ? m.path("seconds").asDouble() : null, text(m.path("error"))));
        }
        return new ProbeReport(runtime, architecture, region, layerArn, text(root.path("python")),
                text(root.path("glibc")), text(root.path("machine")), root.path("optBytes").asLong(0),
                root.path("optFiles").asLong(0), modules, List.of(), null, List.of());
    }

    /** Lambda's error payload ({"errorType": ..., "errorMessage": ...}, or plain text) as one sentence's end. */
    static String error(String payload) {
        String text = payload == null ? "" : payload.strip();
        try {
            JsonNode root = JSON.readTree(text);
            if (root != null && root.has("errorMessage")) {
                String type = text(root.path("errorType"));
                text = (type == null ? "" : type + ": ") + root.path("errorMessage").asText().strip();
            }
        } catch (IOException notJson) {
            // plain text, as it is
        }
        text = text.replaceAll("\\s+", " ");
        if (text.length() > SHOWN_CHARS) {
            text = text.substring(0, SHOWN_CHARS) + "…";
        }
        return text.isEmpty() ? "no error text." : text.endsWith(".") ? text : text + ".";
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static LayerStudioException unexpected(String payload, Exception cause) {
        String shown = payload == null ? "nothing" : payload.length() > SHOWN_CHARS
                ? payload.substring(0, SHOWN_CHARS) + "…" : payload;
        return new LayerStudioException("The probe function answered something other than the probe's result: "
                + shown, cause);
    }
}
