package dev.layerstudio.inspect;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.ImportCheck;
import dev.layerstudio.model.ImportResult;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerLayout;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SizeItem;
import dev.layerstudio.model.SourceKind;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Judges a scan against the target runtime, architecture and stack: the report. */
final class ReportBuilder {

    static final int TOP_CONSUMERS = 15;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ReportBuilder() {
    }

    /**
     * @param importCheck runs the import check for the resolved runtime and architecture on the given modules
     */
    static InspectionReport build(String source, SourceKind kind, LayerScan scan, long fetchedBytes,
                                  InspectOptions options, List<StackChecks.StackLayer> others,
                                  ImportRunner importCheck) {
        List<String> notes = new ArrayList<>();
        PackageAttribution.Result attribution = PackageAttribution.attribute(scan);
        LayerLayout layout = LayoutChecks.layout(scan.entries());
        List<String> versions = LayoutChecks.pythonVersions(scan.entries());

        Runtime runtime = options.runtime();
        if (runtime == null && versions.size() == 1) {
            runtime = Runtime.fromId("python" + versions.get(0)).orElse(null);
            if (runtime != null) {
                notes.add("No runtime given: checked against " + runtime.id() + ", the version the layer's folders name.");
            }
        }
        if (runtime == null) {
            runtime = NodeChecks.runtimeFromFolders(scan.entries()).orElse(null);
            if (runtime != null) {
                notes.add("No runtime given: checked against " + runtime.id() + ", the version the layer's folders name.");
            }
        }
        if (runtime != null) {
            runtime.supportNote(java.time.LocalDate.now()).ifPresent(notes::add);
        }
        if (runtime == null) {
            notes.add("No runtime given or found in the layer: the checks that depend on the Python version were skipped.");
        }
        Architecture arch = options.architecture();
        if (arch == null) {
            arch = Architecture.X86_64;
            notes.add("No architecture given: checked for x86_64, Lambda's default.");
        }
        if (scan.zippedEstimated()) {
            notes.add("A folder: the zipped size is an estimate of what deflating its files gives.");
        }
        if (scan.skippedHeaders() > 0) {
            notes.add(Sizes.count(scan.skippedHeaders(), "native file was", "native files were")
                    + " judged by name only, to keep the download small.");
        }

        CheckContext ctx = new CheckContext(scan, attribution.owners(), attribution.packages(), runtime, arch);
        List<LimitCheck> limits = StackChecks.limits(scan, others, options.functionCodeBytes(), options.limits());
        List<Finding> findings = new ArrayList<>();
        findings.addAll(LayoutChecks.check(ctx, layout, versions));
        findings.addAll(ArchiveChecks.check(ctx));
        findings.addAll(NativeChecks.check(ctx));
        findings.addAll(SlimmingChecks.check(ctx));
        findings.addAll(ScriptChecks.check(ctx));
        findings.addAll(NodeChecks.check(ctx));
        findings.addAll(StackChecks.check(scan, others, limits, options.limits()));

        ImportCheck imports = options.importCheck()
                ? importCheck.run(runtime, arch, importableModules(scan.entries(), runtime))
                : ImportCheck.notRequested();
        for (ImportResult r : imports.failures()) {
            findings.add(Finding.of(FindingCode.IMPORT_FAILED, "import " + r.module() + " failed: " + r.error(),
                    r.module()));
        }
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::code));

        List<ZipEntryInfo> entries = scan.entries();
        long unzipped = StackChecks.unzippedBytes(entries);
        int files = (int) entries.stream().filter(e -> e.kind() != EntryKind.DIRECTORY).count();
        return new InspectionReport(source, kind, scan.sha256(), runtime, arch, scan.zippedBytes(),
                scan.zippedEstimated(), unzipped, entries.size(), files, layout, versions, entries,
                attribution.packages(), SizeTrees.build(entries), topConsumers(entries, attribution.owners()),
                limits, findings, imports, notes, fetchedBytes);
    }

    /** Runs the import check; separated so the report does not depend on processes. */
    interface ImportRunner {
        ImportCheck run(Runtime runtime, Architecture architecture, List<String> modules);
    }

    private static List<SizeItem> topConsumers(List<ZipEntryInfo> entries, String[] owner) {
        List<Integer> files = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).kind() != EntryKind.DIRECTORY) {
                files.add(i);
            }
        }
        return files.stream().sorted((a, b) -> Long.compare(entries.get(b).unzippedBytes(),
                        entries.get(a).unzippedBytes())).limit(TOP_CONSUMERS)
                .map(i -> new SizeItem(entries.get(i).path(), entries.get(i).unzippedBytes(),
                        entries.get(i).zippedBytes(), owner[i]))
                .toList();
    }

    /**
     * Top-level modules on the runtime's sys.path: packages with an {@code __init__.py} and
     * single-file modules, under {@code python/} and the runtime's site-packages.
     */
    static List<String> importableModules(List<ZipEntryInfo> entries, Runtime runtime) {
        if (runtime == null || !runtime.isPython()) {
            return List.of();
        }
        List<String> roots = List.of(PackageAttribution.PYTHON_ROOT, runtime.sitePackagesPath() + "/");
        Set<String> paths = new HashSet<>();
        entries.forEach(e -> paths.add(e.path()));
        Set<String> modules = new TreeSet<>();
        for (ZipEntryInfo e : entries) {
            if (e.kind() == EntryKind.DIRECTORY) {
                continue;
            }
            for (String root : roots) {
                if (!PackageAttribution.root(e.path()).equals(root)) {
                    continue;
                }
                String rest = e.path().substring(root.length());
                int slash = rest.indexOf('/');
                String name = slash < 0 ? PackageAttribution.moduleName(rest) : rest.substring(0, slash);
                boolean module = slash < 0 ? rest.endsWith(".py") || rest.endsWith(".so")
                        : paths.contains(root + name + "/__init__.py");
                if (module && IDENTIFIER.matcher(name).matches() && !SlimmingChecks.TEST_DIRS.contains(name)) {
                    modules.add(name);
                }
            }
        }
        return List.copyOf(modules);
    }
}
