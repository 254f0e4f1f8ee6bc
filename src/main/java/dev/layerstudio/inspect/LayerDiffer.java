package dev.layerstudio.inspect;

import dev.layerstudio.model.ChangeKind;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.FileChange;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.PackageChange;
import dev.layerstudio.model.PackageKind;
import dev.layerstudio.model.PackageUsage;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Compares two inspected layers: packages by name and version, files by CRC-32, sizes. */
final class LayerDiffer {

    private LayerDiffer() {
    }

    static LayerDiff diff(InspectionReport older, InspectionReport newer) {
        return new LayerDiff(older.source(), newer.source(), older.zippedBytes(), newer.zippedBytes(),
                older.unzippedBytes(), newer.unzippedBytes(), packages(older, newer), files(older, newer));
    }

    private static List<PackageChange> packages(InspectionReport older, InspectionReport newer) {
        Map<String, PackageUsage> before = byKey(older.packages());
        Map<String, PackageUsage> after = byKey(newer.packages());
        List<PackageChange> out = new ArrayList<>();
        before.forEach((key, old) -> {
            PackageUsage now = after.get(key);
            if (now == null) {
                out.add(new PackageChange(old.name(), ChangeKind.REMOVED, old.version(), null, old.bytes(), 0,
                        -old.bytes()));
            } else if (!Objects.equals(old.version(), now.version()) || old.bytes() != now.bytes()) {
                out.add(new PackageChange(now.name(), ChangeKind.CHANGED, old.version(), now.version(), old.bytes(),
                        now.bytes(), now.bytes() - old.bytes()));
            }
        });
        after.forEach((key, now) -> {
            if (!before.containsKey(key)) {
                out.add(new PackageChange(now.name(), ChangeKind.ADDED, null, now.version(), 0, now.bytes(),
                        now.bytes()));
            }
        });
        out.sort(Comparator.comparingLong((PackageChange c) -> Math.abs(c.deltaBytes())).reversed()
                .thenComparing(PackageChange::name));
        return out;
    }

    private static Map<String, PackageUsage> byKey(List<PackageUsage> packages) {
        Map<String, PackageUsage> map = new LinkedHashMap<>();
        for (PackageUsage p : packages) {
            String key = p.kind() == PackageKind.DISTRIBUTION ? "dist:" + PackageAttribution.normalize(p.name())
                    : "own:" + p.root() + p.name();
            map.putIfAbsent(key, p);
        }
        return map;
    }

    private static List<FileChange> files(InspectionReport older, InspectionReport newer) {
        Map<String, ZipEntryInfo> before = files(older.entries());
        Map<String, ZipEntryInfo> after = files(newer.entries());
        List<FileChange> out = new ArrayList<>();
        before.forEach((path, old) -> {
            ZipEntryInfo now = after.get(path);
            if (now == null) {
                out.add(new FileChange(path, ChangeKind.REMOVED, old.unzippedBytes(), 0));
            } else if (changed(old, now)) {
                out.add(new FileChange(path, ChangeKind.CHANGED, old.unzippedBytes(), now.unzippedBytes()));
            }
        });
        after.forEach((path, now) -> {
            if (!before.containsKey(path)) {
                out.add(new FileChange(path, ChangeKind.ADDED, 0, now.unzippedBytes()));
            }
        });
        out.sort(Comparator.comparing(FileChange::path));
        return out;
    }

    private static boolean changed(ZipEntryInfo old, ZipEntryInfo now) {
        if (old.crc() >= 0 && now.crc() >= 0) {
            return old.crc() != now.crc() || old.unzippedBytes() != now.unzippedBytes();
        }
        return old.unzippedBytes() != now.unzippedBytes();
    }

    /** Files by path; of duplicates, the last one (what extraction leaves). */
    private static Map<String, ZipEntryInfo> files(List<ZipEntryInfo> entries) {
        Map<String, ZipEntryInfo> map = new TreeMap<>();
        for (ZipEntryInfo e : entries) {
            if (e.kind() != EntryKind.DIRECTORY) {
                map.put(e.path(), e);
            }
        }
        return map;
    }
}
