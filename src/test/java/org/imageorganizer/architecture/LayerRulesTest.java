package org.imageorganizer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers: the core (platform, model, config, imaging, ml, cluster, store, importer, sync)
 * knows nothing of the user interfaces, and no top-level packages depend on each other in a cycle; only ui touches JavaFX, only api touches Spark; ui and api never see
 * each other; app wires everything.
 */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.imageorganizer");
    }

    private static final String[] CORE = {
        "org.imageorganizer.model..", "org.imageorganizer.config..", "org.imageorganizer.imaging..",
        "org.imageorganizer.ml..", "org.imageorganizer.cluster..", "org.imageorganizer.store..",
        "org.imageorganizer.importer..", "org.imageorganizer.sync..", "org.imageorganizer.platform.."
    };

    @Test
    void theTopLevelPackagesHaveNoCycles() {
        slices().matching("org.imageorganizer.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void platformKnowsNothingOfTheApplication() {
        // atomic file writes and thread priorities: what every layer may use, so it may use none of them
        noClasses().that().resideInAPackage("org.imageorganizer.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.imageorganizer.model..", "org.imageorganizer.config..", "org.imageorganizer.imaging..",
                        "org.imageorganizer.ml..", "org.imageorganizer.cluster..", "org.imageorganizer.store..",
                        "org.imageorganizer.importer..", "org.imageorganizer.sync..", "org.imageorganizer.ui..",
                        "org.imageorganizer.api..", "org.imageorganizer.cli..", "org.imageorganizer.bench..",
                        "org.imageorganizer.app..")
                .check(classes);
    }

    @Test
    void coreDoesNotKnowTheFrontEnds() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.imageorganizer.ui..", "org.imageorganizer.api..", "org.imageorganizer.cli..",
                    "org.imageorganizer.bench..", "org.imageorganizer.app..", "javafx..", "spark..", "picocli..");
        rule.check(classes);
    }

    @Test
    void onlyUiUsesJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.imageorganizer.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");
        rule.check(classes);
    }

    @Test
    void onlyApiUsesSpark() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.imageorganizer.api..")
            .should().dependOnClassesThat().resideInAnyPackage("spark..");
        rule.check(classes);
    }

    @Test
    void uiDoesNotSeeApi() {
        // ui arrives with the desktop issue, so the rule may find no classes yet
        noClasses().that().resideInAPackage("org.imageorganizer.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.imageorganizer.api..", "org.imageorganizer.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void apiDoesNotSeeUi() {
        // api arrives with the server issue, so the rule may find no classes yet
        noClasses().that().resideInAPackage("org.imageorganizer.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.imageorganizer.ui..", "org.imageorganizer.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void nothingDependsOnApp() {
        noClasses().that().resideOutsideOfPackage("org.imageorganizer.app..")
                .should().dependOnClassesThat().resideInAPackage("org.imageorganizer.app..").check(classes);
    }

    @Test
    void modelIsPlain() {
        ArchRule rule = noClasses().that().resideInAPackage("org.imageorganizer.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.imageorganizer.ml..", "org.imageorganizer.cluster..", "org.imageorganizer.store..",
                    "org.imageorganizer.importer..", "org.imageorganizer.imaging..", "ai.djl..", "elki..",
                    "jakarta.persistence..", "org.hibernate..");
        rule.check(classes);
    }

    @Test
    void persistenceStaysInStore() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.imageorganizer.store..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.flywaydb..");
        rule.check(classes);
    }

    @Test
    void theCloudinarySdkAndItsHttpClientStayInStoreCloud() {
        noClasses().that().resideOutsideOfPackage("org.imageorganizer.store.cloud..")
                .should().dependOnClassesThat().resideInAnyPackage("com.cloudinary..", "org.apache.http..")
                .check(classes);
    }

    @Test
    void djlStaysInMl() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.imageorganizer.ml..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");
        rule.check(classes);
    }

    @Test
    void benchmarksAreAFrontEndOfTheirOwn() {
        noClasses().that().resideInAPackage("org.imageorganizer.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.imageorganizer.cli..", "org.imageorganizer.ui..",
                        "org.imageorganizer.api..")
                .check(classes);
    }
}
