package dev.layerstudio.export;

import dev.layerstudio.model.LayerStudioException;
import java.util.Objects;

/** Where the exported template finds the layer's zip. */
public sealed interface LayerCode {

    /** An object in S3 that holds the zip. */
    record S3Object(String bucket, String key) implements LayerCode {
        public S3Object {
            if (bucket == null || bucket.isBlank() || key == null || key.isBlank()) {
                throw new LayerStudioException("Give both an S3 bucket and a key for the layer's zip.");
            }
        }
    }

    /**
     * A zip on disk, as written in the template: {@code sam deploy} and
     * {@code aws cloudformation package} upload it; Terraform reads it.
     */
    record LocalZip(String path) implements LayerCode {
        public LocalZip {
            Objects.requireNonNull(path, "path");
            if (path.isBlank()) {
                throw new LayerStudioException("The path of the layer's zip is empty.");
            }
        }
    }
}
