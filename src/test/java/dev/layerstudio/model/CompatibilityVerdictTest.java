package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompatibilityVerdictTest {

    private static final String PREFIX = "arn:aws:lambda:us-east-1:123456789012:layer:";
    private static final LayerVersionRef LIB = LayerVersionRef.parse(PREFIX + "lib:2");

    private static FunctionInfo fn(String runtime, String arch) {
        return new FunctionInfo("f", "arn:aws:lambda:us-east-1:123456789012:function:f", "us-east-1", runtime,
                List.of(arch), 1000, List.of(), "r1", "Zip", "Successful");
    }

    private static LayerVersionInfo declared(List<String> runtimes, List<String> archs) {
        return new LayerVersionInfo(LIB, "", "", runtimes, archs, 1000, "sha", Instant.EPOCH, null);
    }

    private static ContentFacts content(List<ContentFacts.Group> machines, List<ContentFacts.Group> abis,
                                        List<String> sitePackages, int rootFiles) {
        return new ContentFacts("sha", 5_000_000, machines, abis, List.of(), sitePackages, rootFiles, true);
    }

    private static ContentFacts.Group g(String value, int files) {
        return new ContentFacts.Group(value, files, "python/x/_m." + value + ".so");
    }

    private static FunctionPlan plan(FunctionInfo f, LayerVersionInfo info, ContentFacts c) {
        PlanFacts facts = PlanFacts.of(List.of(info));
        if (c != null) {
            facts = facts.withContent(LIB.arn(), c);
        }
        return AttachPlanner.planFor(f, new PlanChange.Attach(LIB, LayerPosition.KEEP), facts);
    }

    private static final LayerVersionInfo ANY = declared(List.of(), List.of());

    @Test
    void nativeCodeForAnotherProcessorBlocksEvenWhenTheDeclarationAllowsIt() {
        ContentFacts arm = content(List.of(g("aarch64", 94)), List.of(g("312", 60)), List.of(), 10);
        FunctionPlan p = plan(fn("python3.12", "x86_64"), declared(List.of("python3.12"),
                List.of("x86_64", "arm64")), arm);
        assertThat(p.verdict()).isEqualTo(CompatibilityVerdict.Level.BLOCKED);
        assertThat(p.flags()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(PlanFlag.Kind.FOREIGN_ARCHITECTURE);
            assertThat(f.message()).contains("94 native files for aarch64", "runs on x86_64");
        });
        assertThat(plan(fn("python3.12", "arm64"), ANY, arm).verdict()).isEqualTo(CompatibilityVerdict.Level.OK);
    }

    @Test
    void anX64NodeAddonBlocksAnArm64NodeFunctionAndNoPythonCheckApplies() {
        ContentFacts sharp = new ContentFacts("sha", 5_000_000, List.of(new ContentFacts.Group("x86_64", 1,
                "nodejs/node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node")), List.of(), List.of(), List.of(),
                0, true);
        FunctionPlan p = plan(fn("nodejs22.x", "arm64"), declared(List.of("nodejs22.x"), List.of()), sharp);
        assertThat(p.verdict()).isEqualTo(CompatibilityVerdict.Level.BLOCKED);
        assertThat(p.flags()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(PlanFlag.Kind.FOREIGN_ARCHITECTURE);
            assertThat(f.message()).contains("sharp-linux-x64.node", "arm64");
        });
        assertThat(plan(fn("nodejs22.x", "x86_64"), declared(List.of("nodejs22.x"), List.of()), sharp).verdict())
                .isEqualTo(CompatibilityVerdict.Level.OK);
    }

    @Test
    void codeForBothProcessorsIsAWarningNotABlock() {
        ContentFacts both = content(List.of(g("aarch64", 3), g("x86_64", 3)), List.of(), List.of(), 1);
        FunctionPlan p = plan(fn("python3.12", "x86_64"), ANY, both);
        assertThat(p.verdict()).isEqualTo(CompatibilityVerdict.Level.WARNING);
        assertThat(p.toConfirm()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.FOREIGN_ARCHITECTURE);
    }

    @Test
    void extensionModulesForAnotherPythonBlockAndPureContentOnlyWarns() {
        ContentFacts cp312 = content(List.of(g("x86_64", 5)), List.of(g("312", 5)), List.of(), 5);
        FunctionPlan p = plan(fn("python3.13", "x86_64"), declared(List.of("python3.12"), List.of()), cp312);
        assertThat(p.flags()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.FOREIGN_PYTHON_ABI);
        assertThat(p.flags().get(0).message()).contains("CPython 3.12", "runs python3.13");
        assertThat(p.blocked()).isTrue();

        ContentFacts pure = content(List.of(), List.of(), List.of(), 12);
        FunctionPlan q = plan(fn("python3.13", "x86_64"), declared(List.of("python3.12"), List.of()), pure);
        assertThat(q.verdict()).isEqualTo(CompatibilityVerdict.Level.WARNING);
        assertThat(q.flags()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(PlanFlag.Kind.RUNTIME_INCOMPATIBLE);
            assertThat(f.message()).contains("pure Python");
        });
    }

    @Test
    void packagesOnlyInAnotherPythonsSitePackagesBlock() {
        ContentFacts site = content(List.of(), List.of(), List.of("3.12"), 0);
        assertThat(plan(fn("python3.13", "arm64"), ANY, site).flags()).extracting(PlanFlag::kind)
                .containsExactly(PlanFlag.Kind.SITE_PACKAGES_VERSION);
        assertThat(plan(fn("python3.12", "arm64"), ANY, site).verdict()).isEqualTo(CompatibilityVerdict.Level.OK);
        ContentFacts withRoot = content(List.of(), List.of(), List.of("3.12"), 4);
        assertThat(plan(fn("python3.13", "arm64"), ANY, withRoot).verdict())
                .isEqualTo(CompatibilityVerdict.Level.OK);
    }

    @Test
    void foreignOperatingSystemsBlock() {
        ContentFacts mac = new ContentFacts("sha", 10, List.of(), List.of(), List.of(g("macOS (Mach-O)", 2)),
                List.of(), 3, true);
        FunctionPlan p = plan(fn("python3.12", "arm64"), ANY, mac);
        assertThat(p.flags()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.FOREIGN_OS);
        assertThat(p.blocked()).isTrue();
    }

    @Test
    void declaredArchitecturesThatExcludeTheFunctionBlockAndUnreadContentIsAWarning() {
        PlanFacts facts = PlanFacts.of(List.of(declared(List.of(), List.of("arm64"))))
                .withUnreadContent(LIB.arn(), "The service gave no downloadable location.");
        FunctionPlan p = AttachPlanner.planFor(fn("python3.12", "x86_64"),
                new PlanChange.Attach(LIB, LayerPosition.KEEP), facts);
        assertThat(p.flags()).extracting(PlanFlag::kind)
                .containsExactly(PlanFlag.Kind.CONTENT_NOT_READ, PlanFlag.Kind.ARCHITECTURE_INCOMPATIBLE);
        assertThat(p.flags().get(0).message()).contains("could not be read (The service gave no downloadable"
                + " location)");
        assertThat(p.verdict()).isEqualTo(CompatibilityVerdict.Level.BLOCKED);
    }

    @Test
    void anExplicitChoiceOverridesIncompatibilitiesButNeverLambdasLimits() {
        ContentFacts arm = content(List.of(g("aarch64", 1)), List.of(), List.of(), 1);
        FunctionPlan p = plan(fn("python3.12", "x86_64"), ANY, arm);
        AttachPlan plan = new AttachPlan("attach", List.of(p), PlanFacts.of(List.of(ANY)).withContent(LIB.arn(), arm));
        AttachPlan allowed = AttachPlanner.allowIncompatible(plan, Set.of("f"));
        FunctionPlan a = allowed.functions().get(0);
        assertThat(a.blocked()).isFalse();
        assertThat(a.willUpdate()).isTrue();
        assertThat(a.flags()).singleElement().satisfies(f -> assertThat(f.overridden()).isTrue());
        assertThat(a.toConfirm()).as("the choice was the confirmation").isEmpty();
        assertThat(a.verdict()).isEqualTo(CompatibilityVerdict.Level.WARNING);
        assertThat(AttachPlanner.allowIncompatible(plan, Set.of("other")).functions().get(0).blocked()).isTrue();

        List<String> five = List.of(PREFIX + "a:1", PREFIX + "b:1", PREFIX + "c:1", PREFIX + "d:1", PREFIX + "e:1");
        FunctionInfo full = new FunctionInfo("full", null, "us-east-1", "python3.12", List.of("x86_64"), 10,
                five.stream().map(arn -> new AttachedLayer(arn, 10)).toList(), "r", "Zip", "Successful");
        FunctionPlan six = AttachPlanner.planFor(full, new PlanChange.Attach(LIB, LayerPosition.LAST),
                PlanFacts.none().withAllowIncompatible(Set.of(PlanFacts.ALL)));
        assertThat(six.blocked()).isTrue();
        assertThat(six.overridable()).isFalse();
    }

    @Test
    void aCodeZipLargerThanTheLimitIsKnownToBeTooLargeEvenWithoutItsUnzippedSize() {
        FunctionInfo big = new FunctionInfo("big", null, "us-east-1", "python3.12", List.of("x86_64"),
                250_000_000L, List.of(), "r", "Zip", "Successful");
        ContentFacts twenty = new ContentFacts("sha", 20_000_000, List.of(), List.of(), List.of(), List.of(), 1,
                true);
        FunctionPlan p = plan(big, ANY, twenty);
        assertThat(p.flags()).extracting(PlanFlag::kind).containsExactly(PlanFlag.Kind.UNZIPPED_TOO_LARGE);
        assertThat(p.flags().get(0).message()).contains("at least");
    }

    @Test
    void aDeprecatedRuntimeIsWorthALineAndOnePastItsBlockDateCannotBeUpdated() {
        PlanFacts facts = PlanFacts.of(List.of(ANY));
        PlanChange attach = new PlanChange.Attach(LIB, LayerPosition.KEEP);
        FunctionInfo f = fn("python3.9", "x86_64");
        assertThat(AttachPlanner.planFor(f, attach, facts.on(java.time.LocalDate.of(2025, 12, 1))).flags()).isEmpty();

        FunctionPlan deprecated = AttachPlanner.planFor(f, attach, facts.on(java.time.LocalDate.of(2026, 1, 10)));
        assertThat(deprecated.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(PlanFlag.Kind.RUNTIME_DEPRECATED);
            assertThat(flag.severity()).isEqualTo(PlanFlag.Severity.NOTICE);
            assertThat(flag.message()).contains("python3.9 is deprecated (since 2025-12-15)");
        });
        assertThat(deprecated.verdict()).isEqualTo(CompatibilityVerdict.Level.OK);
        assertThat(deprecated.toConfirm()).isEmpty();

        FunctionPlan blocked = AttachPlanner.planFor(f, attach, facts.on(java.time.LocalDate.of(2026, 10, 1)));
        assertThat(blocked.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(PlanFlag.Kind.RUNTIME_UPDATE_BLOCKED);
            assertThat(flag.message()).contains("Lambda refuses to update f");
        });
        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.overridable()).isFalse();
    }
}
