package dev.layerstudio.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a plan knows besides the functions' configurations: layer versions (their declared
 * runtimes and architectures), what their content holds, unzipped sizes where something
 * measured them, and the functions the user chose to change although they are incompatible.
 *
 * @param versions                  versioned layer ARN to its description
 * @param layerUnzippedBytes        versioned layer ARN to its unzipped size
 * @param functionCodeUnzippedBytes function ARN (or name) to its code's unzipped size
 * @param limits                    the limits to check against
 * @param contents                  versioned layer ARN to what its content holds
 * @param unreadContents            versioned layer ARN to why its content could not be read
 * @param allowIncompatible         function names to attach anyway; {@link #ALL} for every function
 * @param today                     the day the plan is made, for the runtimes' deprecation and block dates
 */
public record PlanFacts(Map<String, LayerVersionInfo> versions, Map<String, Long> layerUnzippedBytes,
                        Map<String, Long> functionCodeUnzippedBytes, Limits limits,
                        Map<String, ContentFacts> contents, Map<String, String> unreadContents,
                        Set<String> allowIncompatible, LocalDate today) {

    /** In {@link #allowIncompatible}: every function. */
    public static final String ALL = "*";

    public PlanFacts {
        versions = Map.copyOf(versions);
        layerUnzippedBytes = Map.copyOf(layerUnzippedBytes);
        functionCodeUnzippedBytes = Map.copyOf(functionCodeUnzippedBytes);
        Objects.requireNonNull(limits, "limits");
        contents = Map.copyOf(contents);
        unreadContents = Map.copyOf(unreadContents);
        allowIncompatible = Set.copyOf(allowIncompatible);
        Objects.requireNonNull(today, "today");
    }

    public static PlanFacts none() {
        return new PlanFacts(Map.of(), Map.of(), Map.of(), Limits.defaults(), Map.of(), Map.of(), Set.of(),
                LocalDate.now(ZoneOffset.UTC));
    }

    public static PlanFacts of(Collection<LayerVersionInfo> known) {
        return none().withVersions(known);
    }

    public PlanFacts withVersions(Collection<LayerVersionInfo> known) {
        Map<String, LayerVersionInfo> m = new HashMap<>(versions);
        known.forEach(v -> m.put(v.arn(), v));
        return new PlanFacts(m, layerUnzippedBytes, functionCodeUnzippedBytes, limits, contents, unreadContents,
                allowIncompatible, today);
    }

    public PlanFacts withLayerUnzippedBytes(String versionArn, long bytes) {
        Map<String, Long> m = new HashMap<>(layerUnzippedBytes);
        m.put(versionArn, bytes);
        return new PlanFacts(versions, m, functionCodeUnzippedBytes, limits, contents, unreadContents,
                allowIncompatible, today);
    }

    public PlanFacts withFunctionCodeUnzippedBytes(String function, long bytes) {
        Map<String, Long> m = new HashMap<>(functionCodeUnzippedBytes);
        m.put(function, bytes);
        return new PlanFacts(versions, layerUnzippedBytes, m, limits, contents, unreadContents, allowIncompatible,
                today);
    }

    public PlanFacts withLimits(Limits newLimits) {
        return new PlanFacts(versions, layerUnzippedBytes, functionCodeUnzippedBytes, newLimits, contents,
                unreadContents, allowIncompatible, today);
    }

    /** These facts with what a version's content holds (and so its unzipped size). */
    public PlanFacts withContent(String versionArn, ContentFacts content) {
        Map<String, ContentFacts> m = new HashMap<>(contents);
        m.put(versionArn, content);
        Map<String, String> unread = new HashMap<>(unreadContents);
        unread.remove(versionArn);
        return new PlanFacts(versions, layerUnzippedBytes, functionCodeUnzippedBytes, limits, m, unread,
                allowIncompatible, today).withLayerUnzippedBytes(versionArn, content.unzippedBytes());
    }

    /** These facts with why a version's content could not be read. */
    public PlanFacts withUnreadContent(String versionArn, String why) {
        Map<String, String> unread = new HashMap<>(unreadContents);
        unread.put(versionArn, why);
        return new PlanFacts(versions, layerUnzippedBytes, functionCodeUnzippedBytes, limits, contents, unread,
                allowIncompatible, today);
    }

    /** These facts with the functions the user chose to change although they are incompatible. */
    public PlanFacts withAllowIncompatible(Set<String> functions) {
        return new PlanFacts(versions, layerUnzippedBytes, functionCodeUnzippedBytes, limits, contents,
                unreadContents, functions, today);
    }

    /** These facts as of another day (tests, and plans made for a date). */
    public PlanFacts on(LocalDate day) {
        return new PlanFacts(versions, layerUnzippedBytes, functionCodeUnzippedBytes, limits, contents,
                unreadContents, allowIncompatible, day);
    }

    /** Whether the user chose to attach anyway to this function. */
    public boolean allowsIncompatible(FunctionInfo function) {
        return allowIncompatible.contains(ALL) || allowIncompatible.contains(function.name())
                || function.arn() != null && allowIncompatible.contains(function.arn());
    }
}
