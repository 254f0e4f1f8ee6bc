package dev.layerstudio.ui.inspect;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.inspect.InspectOptions;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.ZipResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Inspect page's work, done off the JavaFX thread: zip the wizard's layer when it has no
 * zip, read the target function's other layers, inspect, and make the fixes on offer and the
 * map the page shows. No JavaFX here.
 */
final class LayerInspection {

    /** What an inspection of the wizard's layer is made for. */
    record Key(LayerContent content, Runtime runtime, Architecture architecture, String function) {
    }

    /** What the page shows of an inspection. */
    record Inspected(ZipResult zip, InspectionReport report, List<FindingFix.Item> items, List<String> unreadable,
                     LayerMap map) {
    }

    private final LayerBuilder builder;
    private final Inspector inspector;
    private final LayerContentLocator locator;

    LayerInspection(LayerBuilder builder, Inspector inspector, LayerContentLocator locator) {
        this.builder = builder;
        this.inspector = inspector;
        this.locator = locator;
    }

    /**
     * The wizard's layer: zipped to {@code output} unless {@code zip} is given, inspected with
     * {@code function}'s other layers (all but {@code ownName}'s) and code counted. Calls AWS for them.
     */
    Inspected own(Key key, ZipResult zip, Path output, FunctionInfo function, AwsSession session, String ownName,
                  String title, ProgressListener p) throws Exception {
        ZipResult z = zip;
        if (z == null) {
            Files.createDirectories(output.getParent());
            z = builder.zip(key.content(), output, p);
        }
        FunctionStack stack = function == null || session == null ? FunctionStack.none()
                : FunctionStack.of(session, function, ownName, locator);
        InspectOptions options = InspectOptions.defaults().withRuntime(key.runtime())
                .withArchitecture(key.architecture()).withOtherLayers(stack.sources())
                .withFunctionCodeBytes(function == null ? 0 : Math.max(0, function.codeSize()));
        InspectionReport r = inspector.inspect(new LayerSource.LocalZip(z.output()), options, p);
        return new Inspected(z, r, FindingFix.plan(r, key.content(), builder), stack.unreadable(),
                new LayerMap(r, title));
    }

    /** The wizard's layer shown again: its fixes planned afresh (slimming walks every file), its map kept when known. */
    Inspected again(InspectionReport own, LayerContent content, LayerMap known, String title) {
        return new Inspected(null, own, FindingFix.plan(own, content, builder), List.of(),
                known != null ? known : new LayerMap(own, title));
    }

    /** Another zip or a published version: inspected alone, with no fixes to make. */
    Inspected other(LayerSource source, Runtime runtime, Architecture architecture, ProgressListener p) {
        InspectionReport r = inspector.inspect(source, InspectOptions.defaults().withRuntime(runtime)
                .withArchitecture(architecture), p);
        return new Inspected(null, r, FindingFix.plan(r, null, builder), List.of(),
                new LayerMap(r, InspectTexts.shortLabel(r.source())));
    }
}
