package dev.layerstudio.model;

/** A file that was added, removed, or whose content (CRC-32) changed between two layers. */
public record FileChange(String path, ChangeKind change, long oldBytes, long newBytes) {
}
