package dev.layerstudio.inspect;

import dev.layerstudio.model.ContentFacts;
import dev.layerstudio.model.ContentFactsReader;
import dev.layerstudio.model.LayerContentLocation;

/**
 * Reads a published version's content facts through an {@link Inspector}: Range reads of its
 * central directory and the binaries' headers, or the scan cache when the same bytes (by
 * CodeSha256) were read before, such as the zip that was just built and published.
 */
public final class ContentFactsInspector implements ContentFactsReader {

    private final Inspector inspector;

    public ContentFactsInspector(Inspector inspector) {
        this.inspector = inspector;
    }

    @Override
    public ContentFacts read(LayerContentLocation location) {
        return inspector.contentFacts(new LayerSource.Remote(location.url(), location.layerVersionArn(),
                location.codeSha256(), location.codeSize()));
    }
}
