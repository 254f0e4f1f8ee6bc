package dev.layerstudio.inspect;

import dev.layerstudio.model.ZipEntryInfo;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading a layer gives, before any judgement: its entries, the native binaries
 * and installed distributions in it. Depends only on the bytes of the layer, so it is
 * what the cache keeps (keyed by SHA-256); findings, packages and limits are computed
 * from it for each runtime, architecture and stack.
 *
 * @param sha256          base64 SHA-256 of the zip, null for a folder
 * @param entries         every entry, in zip order (raw names, so duplicates and unsafe names show)
 * @param natives         native binaries recognised by their header
 * @param distributions   installed distributions found through {@code *.dist-info}
 * @param symlinkTargets  symlink path to its target, where it could be read
 * @param unextractable   entry path to why Lambda cannot extract it (encryption, compression method)
 * @param skippedHeaders  candidate binaries whose header was not read (budget of a remote read)
 * @param shebangs        script path (under {@code bin/} or {@code python/bin/}) to the interpreter its
 *                        first line names (pip's {@code /bin/sh} trampoline followed to the Python it runs)
 * @param crlfScripts     scripts whose first line ends in CRLF (the kernel then looks for "bash\r")
 * @param nodeVersions    the folder of each Node.js package ({@code nodejs/node_modules/sharp}) to the
 *                        version its {@code package.json} gives
 */
record LayerScan(int format, String sha256, long zippedBytes, boolean zippedEstimated, List<ZipEntryInfo> entries,
                 List<NativeFile> natives, List<Distribution> distributions, Map<String, String> symlinkTargets,
                 Map<String, String> unextractable, int skippedHeaders, Map<String, String> shebangs,
                 List<String> crlfScripts, Map<String, String> nodeVersions) {

    /** Bumped when the shape or meaning of a scan changes, so old cache files are ignored. */
    static final int FORMAT = 3;

    LayerScan {
        shebangs = shebangs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(shebangs));
        crlfScripts = crlfScripts == null ? List.of() : List.copyOf(crlfScripts);
        nodeVersions = nodeVersions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(nodeVersions));
    }
}
