package dev.layerstudio.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/** Large zips for tests, made quickly: many tiny entries, or huge stored entries written as holes. */
final class BigZips {

    private static final byte[] ZEROS = new byte[1 << 20];

    private BigZips() {
    }

    /** {@code count} small deflated entries in folders of 1000: needs Zip64 above 65,535. */
    static void manyEntries(Path zip, int count) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(
                new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(zip), 1 << 20))) {
            out.setUseZip64(Zip64Mode.AsNeeded);
            byte[] content = "VALUE = 1\n".getBytes();
            for (int i = 0; i < count; i++) {
                ZipArchiveEntry e = new ZipArchiveEntry("python/pkg" + (i / 1000) + "/mod" + i + ".py");
                e.setUnixMode(0100644);
                out.putArchiveEntry(e);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
    }

    /**
     * A zip of {@code entries} stored entries of {@code bytesEach} zero bytes, plus one small
     * module. The zeros are never written: the file is sparse, so it takes almost no disk
     * although its size (and offsets past 4 GiB) need Zip64.
     */
    static void sparse(Path zip, int entries, long bytesEach) throws IOException {
        try (HoleChannel channel = new HoleChannel(FileChannel.open(zip, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.READ));
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(channel)) {
            out.setUseZip64(Zip64Mode.AsNeeded);
            ZipArchiveEntry module = new ZipArchiveEntry("python/big/__init__.py");
            out.putArchiveEntry(module);
            out.write("SIZE = 'huge'\n".getBytes());
            out.closeArchiveEntry();
            for (int i = 0; i < entries; i++) {
                ZipArchiveEntry e = new ZipArchiveEntry("python/big/blob" + i + ".bin");
                e.setMethod(ZipMethod.STORED.getCode());
                e.setSize(bytesEach);
                out.putArchiveEntry(e);
                for (long left = bytesEach; left > 0; left -= ZEROS.length) {
                    out.write(ZEROS, 0, (int) Math.min(ZEROS.length, left));
                }
                out.closeArchiveEntry();
            }
        }
    }

    /**
     * {@code count} stored entries of random bytes (incompressible, like native code),
     * about {@code totalBytes} together, plus the metadata and binaries of a typical layer.
     */
    static void realistic(Path zip, int count, long totalBytes) throws IOException {
        Random random = new Random(42);
        byte[] data = new byte[(int) (totalBytes / count)];
        try (ZipMaker z = ZipMaker.create(zip)) {
            z.file("python/numpy-1.26.4.dist-info/top_level.txt", "numpy\n")
                    .file("python/numpy-1.26.4.dist-info/WHEEL", "Tag: cp312-cp312-manylinux_2_17_x86_64\n")
                    .file("python/numpy/core/_multiarray_umath.cpython-312-x86_64-linux-gnu.so", ZipMaker.elf(0x3E))
                    .file("python/numpy.libs/libopenblas64_p-r0.so", ZipMaker.elf(0xB7));
            StringBuilder record = new StringBuilder();
            for (int i = 0; i < count; i++) {
                random.nextBytes(data);
                String name = "numpy/sub" + (i % 40) + "/part" + i + ".py";
                z.file("python/" + name, data, 0644, ZipMethod.STORED.getCode());
                record.append(name).append(",sha256=abc,").append(data.length).append('\n');
            }
            z.file("python/numpy-1.26.4.dist-info/RECORD", record.toString());
        }
    }

    /** A file channel that turns writes of the shared zero buffer into holes. */
    private static final class HoleChannel implements SeekableByteChannel {
        private final FileChannel file;
        private long position;
        private long size;

        HoleChannel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = src.remaining();
            if (src.hasArray() && src.array() == ZEROS) {
                src.position(src.limit());
            } else {
                file.write(src, position);
            }
            position += n;
            size = Math.max(size, position);
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = file.read(dst, position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long newSize) throws IOException {
            file.truncate(newSize);
            size = Math.min(size, newSize);
            return this;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
