package dev.layerstudio.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Lambda JSON the sandbox's front reads and changes: moto answers every layer
 * version with {@code "Content": {"Location": "s3://"}}, which nothing can download;
 * the front puts a link to its own copy of the zip in its place.
 */
final class ContentLinks {

    /** What moto gives as a layer version's location. */
    static final String MOTO_LOCATION = "s3://";

    /**
     * A PublishLayerVersion request carries its zip base64-encoded in one JSON string: up to
     * Lambda's request limit of 69,905,067 bytes, far above Jackson's default longest string
     * (20 million characters), which made zips over about 15 MB go unkept and unreadable.
     */
    static final int MAX_REQUEST_CHARS = 70_000_000;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_REQUEST_CHARS).build())
            .build()).build();

    private ContentLinks() {
    }

    /**
     * {@code json} with the bare location of every layer version that {@code links} knows
     * replaced by its link; the very same bytes when nothing changes (or it is no JSON).
     *
     * @param links the link for a layer version ARN, empty when its content is not kept
     */
    static byte[] rewrite(byte[] json, Function<String, Optional<String>> links) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException notJson) {
            return json;
        }
        if (root == null || !replace(root, links)) {
            return json;
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            return json;
        }
    }

    private static boolean replace(JsonNode node, Function<String, Optional<String>> links) {
        boolean changed = false;
        if (node.isObject()) {
            JsonNode arn = node.get("LayerVersionArn");
            JsonNode content = node.get("Content");
            if (arn != null && arn.isTextual() && content instanceof ObjectNode c
                    && MOTO_LOCATION.equals(c.path("Location").asText(null))) {
                Optional<String> link = links.apply(arn.asText());
                if (link.isPresent()) {
                    c.put("Location", link.get());
                    changed = true;
                }
            }
        }
        for (JsonNode child : node) {
            changed |= replace(child, links);
        }
        return changed;
    }

    /** A PublishLayerVersion answer's version ARN and CodeSha256. */
    record Published(String layerVersionArn, String codeSha256) {
    }

    static Optional<Published> published(byte[] response) {
        try {
            JsonNode r = JSON.readTree(response);
            String arn = r.path("LayerVersionArn").asText("");
            return arn.isEmpty() ? Optional.empty()
                    : Optional.of(new Published(arn, r.path("Content").path("CodeSha256").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Where a PublishLayerVersion request has its zip: inline (decoded), or an S3 object.
     *
     * @param zipFile the zip's bytes, or null
     * @param bucket  the S3 bucket, or null
     */
    record Source(byte[] zipFile, String bucket, String key, String objectVersion) {
    }

    static Optional<Source> source(byte[] request) {
        try {
            JsonNode content = JSON.readTree(request).path("Content");
            if (content.hasNonNull("ZipFile")) {
                return Optional.of(new Source(content.get("ZipFile").binaryValue(), null, null, null));
            }
            if (content.hasNonNull("S3Bucket") && content.hasNonNull("S3Key")) {
                return Optional.of(new Source(null, content.get("S3Bucket").asText(), content.get("S3Key").asText(),
                        content.hasNonNull("S3ObjectVersion") ? content.get("S3ObjectVersion").asText() : null));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
