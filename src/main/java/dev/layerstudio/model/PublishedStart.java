package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a published layer version (or a layer zip) holds, as a starting point for a project:
 * every installed distribution pinned to the version its {@code *.dist-info} records, the
 * user's own files (those no package owns) extracted into a working folder, and the build
 * choices its content shows.
 *
 * @param pins      {@code name==version} for every installed distribution, by name
 * @param ownFiles  the layer paths of the user's files that were extracted
 * @param codePaths the layer paths of the user's top-level files and folders (under {@code python/} or
 *                  site-packages, else at the layer's top), each one a code entry of the project
 * @param installer the installer that wrote the dist-info ({@code INSTALLER}), or auto when unknown
 * @param slimming  the slimming the content shows: files a {@code RECORD} lists that are not there
 * @param notes     plain sentences on what could not be carried over
 */
public record PublishedStart(List<String> pins, List<String> ownFiles, List<String> codePaths, Layout layout,
                             InstallerChoice installer, Set<SlimRule> slimming, boolean keepScripts,
                             List<String> notes) {

    /** The folder of the project that holds the user's files, as the project file names it. */
    public static final String CODE_FOLDER = "layer-code";
    /** The pins' file, as the project file names it. */
    public static final String REQUIREMENTS_FILE = "requirements.txt";

    public PublishedStart {
        pins = List.copyOf(pins);
        ownFiles = List.copyOf(ownFiles);
        codePaths = List.copyOf(codePaths);
        layout = layout == null ? Layout.PYTHON : layout;
        installer = installer == null ? InstallerChoice.AUTO : installer;
        slimming = Set.copyOf(slimming);
        notes = List.copyOf(notes);
    }

    /** The pins as a requirements file's text. */
    public String requirementsText(String source) {
        StringBuilder sb = new StringBuilder("# The versions installed in " + source + ", from its *.dist-info.\n");
        pins.forEach(p -> sb.append(p).append('\n'));
        return sb.toString();
    }

    /**
     * The project that builds this content again: the pins from {@link #REQUIREMENTS_FILE}, and each
     * of the user's top-level files and folders from {@link #CODE_FOLDER} to the same place in the layer.
     */
    public LayerProject project(String layerName, List<String> runtimes, Architecture architecture,
                                LayerProject.Publish publish) {
        List<LayerProject.Code> code = new ArrayList<>();
        for (String path : codePaths) {
            code.add(new LayerProject.Code(CODE_FOLDER + "/" + path, path));
        }
        LayerProject.Inputs inputs = new LayerProject.Inputs(pins.isEmpty() ? List.of() : List.of(REQUIREMENTS_FILE),
                List.of(), List.of(), layout, installer, null, keepScripts);
        return new LayerProject(layerName, runtimes, architecture, inputs, code, slimming, ConflictPolicy.FAIL,
                publish, LayerProject.Targets.none());
    }
}
