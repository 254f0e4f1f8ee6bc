package dev.layerstudio.inspect;

/**
 * Finds where a zip's central directory lies from the zip's last bytes (its
 * end-of-central-directory record, and the Zip64 one when there is one), so the whole
 * directory can be fetched in one request.
 */
final class ZipTail {

    private static final int EOCD = 0x06054b50;
    private static final int EOCD_BYTES = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_LOCATOR_BYTES = 20;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int ZIP64_EOCD_BYTES = 56;

    private ZipTail() {
    }

    /**
     * The central directory's byte range {@code [start, end)} in the file, or null when the
     * tail does not tell (no end record in it, or a Zip64 record outside it).
     *
     * @param tail      the file's last bytes
     * @param tailStart where they begin in the file
     */
    static long[] centralDirectory(byte[] tail, long tailStart) {
        int eocd = -1;
        for (int p = tail.length - EOCD_BYTES; p >= 0; p--) {
            if (u32(tail, p) == EOCD && p + EOCD_BYTES + u16(tail, p + 20) <= tail.length) {
                eocd = p;
                break;
            }
        }
        if (eocd < 0) {
            return null;
        }
        long size = u32(tail, eocd + 12);
        int entries = u16(tail, eocd + 10);
        long directoryEnd = tailStart + eocd; // the directory ends where the record after it begins
        if (size == 0xFFFFFFFFL || u32(tail, eocd + 16) == 0xFFFFFFFFL || entries == 0xFFFF) {
            int locator = eocd - ZIP64_LOCATOR_BYTES;
            int record = locator - ZIP64_EOCD_BYTES;
            if (record < 0 || u32(tail, locator) != ZIP64_LOCATOR || u32(tail, record) != ZIP64_EOCD) {
                return null;
            }
            size = u64(tail, record + 40);
            directoryEnd = tailStart + record;
        }
        if (size < 0 || size > directoryEnd) {
            return null;
        }
        return new long[] {directoryEnd - size, directoryEnd};
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    private static long u32(byte[] b, int off) {
        return (u16(b, off) | ((long) u16(b, off + 2) << 16)) & 0xFFFFFFFFL;
    }

    private static long u64(byte[] b, int off) {
        return u32(b, off) | (u32(b, off + 4) << 32);
    }
}
