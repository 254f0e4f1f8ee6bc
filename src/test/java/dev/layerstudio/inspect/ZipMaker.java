package dev.layerstudio.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.GeneralPurposeBit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/** Writes zips for tests with commons-compress, including the odd ones real tools would refuse to make. */
final class ZipMaker implements AutoCloseable {

    private final ZipArchiveOutputStream zip;

    private ZipMaker(Path path) throws IOException {
        this.zip = new ZipArchiveOutputStream(path);
    }

    static ZipMaker create(Path path) {
        try {
            return new ZipMaker(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ZipMaker file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644, ZipMethod.DEFLATED.getCode());
    }

    ZipMaker file(String name, byte[] content) {
        return file(name, content, 0644, ZipMethod.DEFLATED.getCode());
    }

    ZipMaker file(String name, byte[] content, int mode, int method) {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setUnixMode(0100000 | mode);
        e.setMethod(method);
        if (method == ZipMethod.STORED.getCode()) {
            CRC32 crc = new CRC32();
            crc.update(content);
            e.setSize(content.length);
            e.setCrc(crc.getValue());
        }
        return write(e, content);
    }

    ZipMaker dir(String name, int mode) {
        ZipArchiveEntry e = new ZipArchiveEntry(name.endsWith("/") ? name : name + "/");
        e.setUnixMode(040000 | mode);
        return write(e, new byte[0]);
    }

    ZipMaker symlink(String name, String target) {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setUnixMode(0120777);
        return write(e, target.getBytes(StandardCharsets.UTF_8));
    }

    /** An entry whose bytes are written as they are, with any method and flags. */
    ZipMaker raw(String name, int method, boolean encrypted, byte[] rawData, long size) {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setMethod(method);
        e.setSize(size);
        e.setCompressedSize(rawData.length);
        CRC32 crc = new CRC32();
        crc.update(rawData);
        e.setCrc(crc.getValue());
        GeneralPurposeBit bit = new GeneralPurposeBit();
        bit.useEncryption(encrypted);
        e.setGeneralPurposeBit(bit);
        try {
            zip.addRawArchiveEntry(e, new ByteArrayInputStream(rawData));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    private ZipMaker write(ZipArchiveEntry e, byte[] content) {
        try {
            zip.putArchiveEntry(e);
            zip.write(content);
            zip.closeArchiveEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the "encrypted" flag in every local and central header, as a zip tool with a password would. */
    static void setEncryptedFlag(Path zip) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(zip);
        for (int i = 0; i + 10 < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
                bytes[i + 6] |= 1;
            } else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                bytes[i + 8] |= 1;
            }
        }
        java.nio.file.Files.write(zip, bytes);
    }

    /** The first bytes of an ELF shared object for a machine ({@code 0x3E} x86-64, {@code 0xB7} AArch64). */
    static byte[] elf(int machine) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        b.position(16);
        b.putShort((short) 3); // ET_DYN
        b.putShort((short) machine);
        return b.array();
    }

    /** The first bytes of a 64-bit Mach-O for x86-64. */
    static byte[] machO() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xFEEDFACF);
        b.putInt(0x01000007);
        return b.array();
    }

    /** The first bytes of a PE (Windows) DLL for x86-64. */
    static byte[] pe() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'M').put((byte) 'Z');
        b.putInt(0x3C, 0x80);
        b.position(0x80);
        b.put(new byte[] {'P', 'E', 0, 0});
        b.putShort((short) 0x8664);
        return b.array();
    }
}
