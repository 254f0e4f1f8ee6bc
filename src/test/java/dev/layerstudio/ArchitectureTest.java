package dev.layerstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md: which package may import what. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.layerstudio");
    }

    @Test
    void onlyUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.layerstudio.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void onlyAwsImportsTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("dev.layerstudio.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void nothingImportsUiOrCliButTheLauncher() {
        noClasses().that().resideOutsideOfPackage("dev.layerstudio.ui..")
                .and().doNotHaveFullyQualifiedName("dev.layerstudio.Main")
                .should().dependOnClassesThat().resideInAPackage("dev.layerstudio.ui..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.layerstudio.cli..")
                .and().doNotHaveFullyQualifiedName("dev.layerstudio.Main")
                .should().dependOnClassesThat().resideInAPackage("dev.layerstudio.cli..")
                .check(classes);
    }

    @Test
    void modelDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("dev.layerstudio.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.layerstudio.model..", "java..")
                .check(classes);
    }

    @Test
    void engineParts_doNotImportEachOther() {
        noClasses().that().resideInAPackage("dev.layerstudio.build..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.layerstudio.inspect..", "dev.layerstudio.aws..",
                        "dev.layerstudio.export..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.layerstudio.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.layerstudio.build..", "dev.layerstudio.aws..",
                        "dev.layerstudio.export..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.layerstudio.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.layerstudio.build..", "dev.layerstudio.inspect..",
                        "dev.layerstudio.export..")
                .check(classes);
    }

    @Test
    void exportImportsOnlyTheModel() {
        noClasses().that().resideInAPackage("dev.layerstudio.export..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.layerstudio.build..",
                        "dev.layerstudio.inspect..", "dev.layerstudio.aws..", "dev.layerstudio.sandbox..")
                .check(classes);
    }

    @Test
    void sandboxUsesOnlyModelAwsAndBuild() {
        noClasses().that().resideInAPackage("dev.layerstudio.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.layerstudio.inspect..", "dev.layerstudio.ui..",
                        "dev.layerstudio.cli..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.layerstudio.model..", "dev.layerstudio.build..",
                        "dev.layerstudio.inspect..", "dev.layerstudio.aws..")
                .should().dependOnClassesThat().resideInAPackage("dev.layerstudio.sandbox..")
                .check(classes);
    }

    @Test
    void projectFilesUseOnlyTheModelAndBuild() {
        noClasses().that().resideInAPackage("dev.layerstudio.project..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.layerstudio.inspect..", "dev.layerstudio.aws..",
                        "dev.layerstudio.export..", "dev.layerstudio.sandbox..", "dev.layerstudio.ui..",
                        "dev.layerstudio.cli..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.layerstudio.model..", "dev.layerstudio.build..",
                        "dev.layerstudio.inspect..", "dev.layerstudio.aws..", "dev.layerstudio.export..",
                        "dev.layerstudio.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("dev.layerstudio.project..")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoSceneGraphTypes() {
        noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void viewModelsGetOnlyTheServicesTheyUse() {
        noClasses().that().resideInAPackage("dev.layerstudio.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.layerstudio.ui.AppServices")
                .check(classes);
    }

    @Test
    void theSandboxDoesNotImportExport() {
        noClasses().that().resideInAPackage("dev.layerstudio.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("dev.layerstudio.export..")
                .check(classes);
    }

    @Test
    void theModelDoesNoIo() {
        noClasses().that().resideInAPackage("dev.layerstudio.model..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                // java.net.URI is a value; everything else in java.net talks to the network
                .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("java.net..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(URI.class))))
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.layerstudio.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCliPrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackage("dev.layerstudio.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(classes);
    }
}
