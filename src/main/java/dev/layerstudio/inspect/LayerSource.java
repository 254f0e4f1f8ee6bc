package dev.layerstudio.inspect;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Something to inspect: a zip or a folder on disk, or a published version's zip behind a URL. */
public sealed interface LayerSource {

    /** How the source is named to the user: a path or an ARN. */
    String label();

    /** A zip file on disk. */
    record LocalZip(Path path) implements LayerSource {
        public LocalZip {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String label() {
            return path.toString();
        }
    }

    /** A folder laid out as the layer will be ({@code python/...}). */
    record Folder(Path path) implements LayerSource {
        public Folder {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String label() {
            return path.toString();
        }
    }

    /**
     * A published layer version's zip, read over HTTP with Range requests.
     *
     * @param label      the layer version ARN
     * @param codeSha256 Lambda's base64 SHA-256 of the zip: the cache key
     * @param codeSize   Lambda's size of the zip
     */
    record Remote(URI url, String label, String codeSha256, long codeSize) implements LayerSource {
        public Remote {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(label, "label");
        }

        /** A published version, where its content was located. */
        public static Remote at(dev.layerstudio.model.LayerContentLocation where) {
            return new Remote(where.url(), where.layerVersionArn(), where.codeSha256(), where.codeSize());
        }

        @Override
        public String toString() {
            return "Remote[" + label + "]"; // the URL is a credential while it is valid
        }
    }

    /** A folder or a zip, by what is on disk. */
    static LayerSource of(Path path) {
        return Files.isDirectory(path) ? new Folder(path) : new LocalZip(path);
    }
}
