package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the bytes of one node of a layer come from: a file or folder that pip or uv
 * installed into the staging folder, or one of the user's own files or folders.
 */
public sealed interface ContentSource permits ContentSource.Installed, ContentSource.User {

    /** The file or folder on disk. */
    Path file();

    /** Bytes of the file; 0 for a folder. */
    long size();

    /** A short phrase for messages: "installed package requests", "your file /src/util.py". */
    String describe();

    default boolean isUser() {
        return this instanceof User;
    }

    /**
     * Installed by pip or uv.
     *
     * @param packageName the distribution that owns the file (from its {@code RECORD}), or
     *                    {@code null} when no installed package lists it
     */
    record Installed(Path file, long size, String packageName) implements ContentSource {
        public Installed {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String describe() {
            return packageName == null ? "installed file " + file.getFileName() : "installed package " + packageName;
        }
    }

    /**
     * One of the user's files or folders.
     *
     * @param added the file or folder the user added, of which {@code file} is a part
     */
    record User(Path file, long size, Path added) implements ContentSource {
        public User {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(added, "added");
        }

        @Override
        public String describe() {
            return "your file " + file;
        }
    }
}
