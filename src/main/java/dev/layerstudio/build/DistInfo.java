package dev.layerstudio.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.InstalledPackage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What was installed: from pip's {@code --report}, or from the {@code *.dist-info} folders. */
final class DistInfo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<InstalledPackage> BY_NAME =
            Comparator.comparing((InstalledPackage p) -> p.name().toLowerCase(Locale.ROOT)).thenComparing(InstalledPackage::version);

    private DistInfo() {
    }

    /** The packages in a pip installation report ({@code install[].metadata}). */
    static List<InstalledPackage> fromReport(Path report) throws IOException {
        JsonNode root = JSON.readTree(report.toFile());
        List<InstalledPackage> out = new ArrayList<>();
        for (JsonNode item : root.path("install")) {
            JsonNode meta = item.path("metadata");
            String name = meta.path("name").asText(null);
            String version = meta.path("version").asText(null);
            if (name != null && version != null) {
                out.add(new InstalledPackage(name, version, item.path("requested").asBoolean(false)));
            }
        }
        out.sort(BY_NAME);
        return out;
    }

    /** The packages whose dist-info folders are in the target; {@code requested} holds canonical names. */
    static List<InstalledPackage> fromTarget(Path target, java.util.Set<String> requested) throws IOException {
        List<InstalledPackage> out = new ArrayList<>();
        try (var list = Files.list(target)) {
            for (Path info : list.filter(p -> p.getFileName().toString().endsWith(".dist-info")).toList()) {
                String[] nv = nameAndVersion(info);
                out.add(new InstalledPackage(nv[0], nv[1], requested.contains(InstallFailures.canonical(nv[0]))));
            }
        }
        out.sort(BY_NAME);
        return out;
    }

    /** The package name of a dist-info folder. */
    static String name(Path distInfo) {
        return nameAndVersion(distInfo)[0];
    }

    /** Name and version from METADATA, else from the folder name {@code name-version.dist-info}. */
    private static String[] nameAndVersion(Path distInfo) {
        String folder = distInfo.getFileName().toString();
        String stem = folder.substring(0, folder.length() - ".dist-info".length());
        int dash = stem.lastIndexOf('-');
        String name = dash < 0 ? stem : stem.substring(0, dash);
        String version = dash < 0 ? "" : stem.substring(dash + 1);
        Path metadata = distInfo.resolve("METADATA");
        if (Files.isRegularFile(metadata)) {
            try (BufferedReader in = Files.newBufferedReader(metadata, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (line.startsWith("Name:")) {
                        name = line.substring(5).strip();
                    } else if (line.startsWith("Version:")) {
                        version = line.substring(8).strip();
                    }
                }
            } catch (IOException e) {
                // the folder name will do
            }
        }
        return new String[] {name, version};
    }
}
