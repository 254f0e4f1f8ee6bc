package dev.layerstudio.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one test in Lambda creates, written before the first thing is created and removed
 * once everything is deleted again, so what a killed run left behind can be found and
 * removed later. Every name is the test's own (unique to it), so whatever exists under it
 * belongs to the test.
 *
 * @param functionName the probe function
 * @param layerName    the temporary layer (each of its versions is the test's), null when a published version was tested
 * @param roleName     the execution role created for the test, null when the user's role was used
 * @param keepRole     the created role is kept on purpose, so recovery leaves it
 */
public record ProbeJournal(String id, String account, String region, Instant started, String functionName,
                           String layerName, String roleName, boolean keepRole) {

    /** What this test creates, for messages: "function x, temporary layer y, role z". */
    public List<String> resources() {
        List<String> out = new ArrayList<>();
        out.add("function " + functionName);
        if (layerName != null) {
            out.add("temporary layer " + layerName);
        }
        if (roleName != null && !keepRole) {
            out.add("role " + roleName);
        }
        return out;
    }
}
