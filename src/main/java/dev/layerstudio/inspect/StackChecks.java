package dev.layerstudio.inspect;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.LayerShadows;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.Limits;
import dev.layerstudio.model.SizePart;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The layer among the function's other layers and code: Lambda's size limits, the
 * number of layers, and paths more than one layer holds (the layer merged last wins).
 */
final class StackChecks {

    /** Another layer of the function, already scanned, with its place in the merge order. */
    record StackLayer(String label, LayerScan scan) {
    }

    private StackChecks() {
    }

    static long unzippedBytes(List<ZipEntryInfo> entries) {
        return entries.stream().filter(e -> e.kind() != EntryKind.DIRECTORY).mapToLong(ZipEntryInfo::unzippedBytes).sum();
    }

    static List<LimitCheck> limits(LayerScan scan, List<StackLayer> others, long functionCodeBytes, Limits limits) {
        List<SizePart> unzipped = new ArrayList<>();
        unzipped.add(new SizePart("this layer", unzippedBytes(scan.entries()), SizePart.Kind.THIS_LAYER));
        for (StackLayer o : others) {
            unzipped.add(new SizePart(o.label(), unzippedBytes(o.scan().entries()), SizePart.Kind.OTHER_LAYER));
        }
        if (functionCodeBytes > 0) {
            unzipped.add(new SizePart("function code", functionCodeBytes, SizePart.Kind.FUNCTION_CODE));
        }
        return List.of(
                LimitCheck.of(LimitCheck.DIRECT_UPLOAD, "Zip sent directly with the publish request;"
                        + " a larger one goes through S3.", limits.directUploadZipBytes(),
                        List.of(new SizePart("this layer (zipped)", scan.zippedBytes(), SizePart.Kind.THIS_LAYER))),
                LimitCheck.of(LimitCheck.UNZIPPED_TOTAL, "Function code and all its layers, unzipped.",
                        limits.unzippedTotalBytes(), unzipped));
    }

    static List<Finding> check(LayerScan scan, List<StackLayer> others, List<LimitCheck> limitChecks, Limits limits) {
        List<Finding> out = new ArrayList<>();
        for (LimitCheck l : limitChecks) {
            if (l.ok()) {
                continue;
            }
            if (l.name().equals(LimitCheck.UNZIPPED_TOTAL)) {
                out.add(Finding.of(FindingCode.UNZIPPED_LIMIT_EXCEEDED, (l.parts().size() == 1 ? "The layer"
                        : "The function's code and layers") + " unzip to " + ByteSizes.human(l.usedBytes())
                        + ", over Lambda's limit of " + ByteSizes.human(l.limitBytes()) + " by "
                        + ByteSizes.human(-l.headroomBytes()) + ".", List.of(), -l.headroomBytes()));
            } else {
                out.add(Finding.of(FindingCode.DIRECT_UPLOAD_LIMIT_EXCEEDED, "The zip is " + ByteSizes.human(l.usedBytes())
                        + ", over the " + ByteSizes.human(l.limitBytes()) + " a publish request may carry;"
                        + " publishing uploads it to S3 first.", List.of(), 0));
            }
        }
        if (others.size() + 1 > limits.maxLayersPerFunction()) {
            out.add(Finding.of(FindingCode.TOO_MANY_LAYERS, "A function may have at most "
                    + limits.maxLayersPerFunction() + " layers; this one would be number " + (others.size() + 1) + ".",
                    List.of(), 0));
        }
        conflicts(scan, others, out);
        return out;
    }

    /** Files this layer shares with another; this layer is merged after the others, so its copies win. */
    private static void conflicts(LayerScan scan, List<StackLayer> others, List<Finding> out) {
        List<Set<String>> stack = new ArrayList<>();
        others.forEach(o -> stack.add(files(o.scan())));
        stack.add(files(scan));
        for (LayerShadows.Shadow shadow : LayerShadows.of(stack)) {
            if (shadow.later() != others.size()) {
                continue; // two of the function's other layers: not this layer's concern
            }
            StackLayer other = others.get(shadow.earlier());
            List<String> shared = shadow.paths();
            Set<String> counted = new HashSet<>();
            long bytes = other.scan().entries().stream().filter(e -> e.kind() != EntryKind.DIRECTORY
                    && shared.contains(e.path()) && counted.add(e.path())).mapToLong(ZipEntryInfo::unzippedBytes).sum();
            String what = shared.size() == 1 ? shared.get(0) + " is" : Sizes.count(shared.size(), "file", "files")
                    + " (such as " + shared.get(0) + ") are";
            out.add(Finding.of(FindingCode.PATH_CONFLICT, what + " also in " + other.label() + ". Layers are merged"
                    + " in the order of the function's list and the one merged last wins: this layer comes after "
                    + other.label() + ", so the function sees this layer's " + (shared.size() == 1 ? "copy" : "copies")
                    + ".", shared, bytes));
        }
    }

    private static Set<String> files(LayerScan scan) {
        Set<String> files = new HashSet<>();
        for (ZipEntryInfo e : scan.entries()) {
            if (e.kind() != EntryKind.DIRECTORY) {
                files.add(e.path());
            }
        }
        return files;
    }
}
