package dev.layerstudio.ui.project;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.project.ProjectPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wizard's state as a project and back, with no window involved. What the window edits
 * (layer name, runtime, architecture, the requirements as typed, the user's own files) is
 * {@link Fields}; everything else a project holds (groups, layout, installer, slimming, publish
 * options, functions and waves) is kept from the project the window opened, unchanged.
 *
 * <p>Requirements: each {@code -r FILE} line of the editor is a requirement source of the
 * project (relative to the project's folder), every other line a requirement as typed. Own code:
 * each file or folder the user added is one code entry, at the place it now has in the layer, with
 * the files and folders deleted from inside it in the tree as its {@code exclude}.
 */
public final class ProjectMapping {

    private ProjectMapping() {
    }

    /**
     * What the window edits.
     *
     * @param requirements the editor's text
     * @param code         the user's files and folders, absolute, with their place in the layer
     *                     ({@code null} for the runtime's default place)
     */
    public record Fields(String layerName, Runtime runtime, Architecture architecture, String requirements,
                         List<AddedPath> code) {
        public Fields {
            layerName = layerName == null ? "" : layerName.strip();
            requirements = requirements == null ? "" : requirements;
            code = List.copyOf(code);
        }
    }

    /** A project with nothing in it yet, for a layer started in the window. */
    public static LayerProject empty() {
        return new LayerProject("", List.of("python3.12"), Architecture.X86_64, null, List.of(), Set.of(), null,
                null, null);
    }

    /**
     * The project the fields make, with {@code kept}'s other settings; paths relative to
     * {@code dir}, or absolute when {@code dir} is {@code null}.
     */
    public static LayerProject toProject(Fields f, LayerProject kept, Path dir) {
        LayerProject base = kept == null ? empty() : kept;
        Set<String> runtimes = new LinkedHashSet<>();
        runtimes.add(f.runtime().id());
        base.runtimes().stream().skip(1).forEach(runtimes::add);
        List<String> files = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        for (String line : f.requirements().lines().map(String::strip).toList()) {
            String file = requirementFile(line);
            if (file != null) {
                files.add(path(dir, Path.of(file)));
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                packages.add(line);
            }
        }
        LayerProject.Inputs in = base.inputs();
        Layout layout = in.layout().fits(f.runtime()) ? in.layout() : Layout.defaultFor(f.runtime());
        LayerProject.Inputs inputs = new LayerProject.Inputs(files, packages, in.groups(), layout, in.installer(),
                in.python(), in.keepScripts());
        List<LayerProject.Code> code = f.code().stream().map(a -> new LayerProject.Code(path(dir, a.source()),
                a.destination(), a.exclude())).toList();
        return new LayerProject(f.layerName(), List.copyOf(runtimes), f.architecture(), inputs, code,
                base.slimming(), base.prefer(), base.publish(), base.targets());
    }

    /** The fields a project sets, its paths resolved against {@code dir}. */
    public static Fields fromProject(LayerProject p, Path dir) {
        StringBuilder text = new StringBuilder();
        for (String file : p.inputs().files()) {
            text.append("-r ").append(resolve(dir, file)).append('\n');
        }
        for (String line : p.inputs().packages()) {
            text.append(line).append('\n');
        }
        List<AddedPath> code = p.code().stream().map(c -> new AddedPath(resolve(dir, c.source()), c.destination(),
                c.exclude())).toList();
        return new Fields(p.layerName(), p.buildRuntime(), p.architecture(), text.toString(), code);
    }

    /** Where a code entry goes in the layer, as the build puts it (a Node.js entry beside its packages). */
    public static AddedPath placed(AddedPath code, Runtime runtime, Layout layout) {
        if (code.destination() != null || !runtime.isNode()) {
            return code;
        }
        Layout l = layout != null && layout.fits(runtime) ? layout : Layout.defaultFor(runtime);
        return code.withDestination(l.root(runtime) + "/");
    }

    /**
     * The user's files and folders in the content, one per thing added, at the place it has now
     * (the destination left out where it is the runtime's default place). Things added
     * into the layer in pieces (a file moved out of an added folder) are each their own entry.
     */
    public static List<AddedPath> codeOf(LayerContent content, Runtime runtime, Layout layout) {
        return codeOf(content, runtime, layout, List.of());
    }

    /**
     * As {@link #codeOf(LayerContent, Runtime, Layout)}, in the order of {@code order}'s sources (the
     * project's entries as opened, so saving does not reorder the file), new ones after by place.
     */
    public static List<AddedPath> codeOf(LayerContent content, Runtime runtime, Layout layout, List<Path> order) {
        return codeOf(content, runtime, layout, order, Map.of());
    }

    /**
     * As {@link #codeOf(LayerContent, Runtime, Layout, List)}, each folder with what is left out of
     * it ({@code excluded}, by the folder's absolute path).
     */
    public static List<AddedPath> codeOf(LayerContent content, Runtime runtime, Layout layout, List<Path> order,
                                         Map<Path, List<String>> excluded) {
        if (content == null) {
            return List.of();
        }
        Map<Path, String> roots = new LinkedHashMap<>();
        for (ContentNode n : content.nodes()) {
            for (ContentSource s : n.sources()) {
                if (s instanceof ContentSource.User u && u.file().equals(u.added())) {
                    roots.putIfAbsent(u.added(), n.path());
                }
            }
        }
        List<AddedPath> code = new ArrayList<>();
        java.util.Comparator<Map.Entry<Path, String>> byOrder = java.util.Comparator.comparingInt(e -> {
            int i = order.indexOf(e.getKey());
            return i < 0 ? Integer.MAX_VALUE : i;
        });
        roots.entrySet().stream().sorted(byOrder.thenComparing(Map.Entry.comparingByValue())).forEach(e -> {
            AddedPath byDefault = placed(new AddedPath(e.getKey(), null), runtime, layout);
            code.add(new AddedPath(e.getKey(), byDefault.resolvedDestination().equals(e.getValue()) ? null
                    : e.getValue(), excluded.getOrDefault(e.getKey(), List.of())));
        });
        return code;
    }

    /** The file a {@code -r FILE} (or {@code --requirement FILE}) line names, or {@code null}. */
    static String requirementFile(String line) {
        String[] words = line.split("[\\s=]+", 2);
        if (words.length == 2 && (words[0].equals("-r") || words[0].equals("--requirement"))) {
            String file = words[1].strip();
            return file.isEmpty() || file.contains("://") ? null : file;
        }
        return null;
    }

    private static String path(Path dir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return dir == null ? abs.toString() : ProjectPaths.relative(dir, abs);
    }

    private static Path resolve(Path dir, String path) {
        Path p = Path.of(path);
        return (dir == null || p.isAbsolute() ? p : dir.resolve(p)).toAbsolutePath().normalize();
    }
}
