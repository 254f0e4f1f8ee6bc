package dev.layerstudio.model;

/**
 * One entry of a layer as stored: its path inside the layer, its sizes and its mode.
 *
 * @param path          the entry name, folders without the trailing slash
 * @param zippedBytes   bytes the entry takes in the zip (estimated for a folder)
 * @param unzippedBytes bytes once extracted; for a symlink, the length of its target
 * @param mode          Unix mode including the file type bits (such as {@code 0100644}), 0 when the
 *                      zip was made on a system that records none
 * @param crc           CRC-32 of the content, -1 for folders or when unknown
 */
public record ZipEntryInfo(String path, EntryKind kind, long zippedBytes, long unzippedBytes, int mode, long crc) {

    /** Whether a Unix mode was recorded. */
    public boolean hasMode() {
        return (mode & 0777) != 0 || (mode & 0170000) != 0;
    }

    /** The permission bits as {@code rwxr-xr-x}, or an empty string when no mode was recorded. */
    public String permissions() {
        if (!hasMode()) {
            return "";
        }
        String letters = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (0400 >> i)) != 0 ? letters.charAt(i) : '-');
        }
        return sb.toString();
    }

    /** The last path segment. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
