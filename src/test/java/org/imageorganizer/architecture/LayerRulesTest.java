package org.imageorganizer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layers: the core (model, config, imaging, ml, cluster, store, importer) knows nothing
 * of the user interfaces; only ui touches JavaFX, only api touches Spark; ui and api never see
 * each other; app wires everything.
 */
@AnalyzeClasses(packages = "org.imageorganizer", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {
    private static final String[] CORE = {
        "org.imageorganizer.model..", "org.imageorganizer.config..", "org.imageorganizer.imaging..",
        "org.imageorganizer.ml..", "org.imageorganizer.cluster..", "org.imageorganizer.store..",
        "org.imageorganizer.importer.."
    };

    @ArchTest
    static final ArchRule coreDoesNotKnowTheFrontEnds = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.imageorganizer.ui..", "org.imageorganizer.api..", "org.imageorganizer.cli..",
                    "org.imageorganizer.app..", "javafx..", "spark..", "picocli..");

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses().that().resideOutsideOfPackage("org.imageorganizer.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule onlyApiUsesSpark = noClasses().that().resideOutsideOfPackage("org.imageorganizer.api..")
            .should().dependOnClassesThat().resideInAnyPackage("spark..");

    @ArchTest
    static final ArchRule uiDoesNotSeeApi = noClasses().that().resideInAPackage("org.imageorganizer.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.imageorganizer.api..", "org.imageorganizer.cli..")
            .allowEmptyShould(true); // ui arrives with the desktop issue

    @ArchTest
    static final ArchRule apiDoesNotSeeUi = noClasses().that().resideInAPackage("org.imageorganizer.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.imageorganizer.ui..", "org.imageorganizer.cli..")
            .allowEmptyShould(true); // api arrives with the server issue

    @ArchTest
    static final ArchRule nothingDependsOnApp = noClasses().that().resideOutsideOfPackage("org.imageorganizer.app..")
            .should().dependOnClassesThat().resideInAPackage("org.imageorganizer.app..");

    @ArchTest
    static final ArchRule modelIsPlain = noClasses().that().resideInAPackage("org.imageorganizer.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.imageorganizer.ml..", "org.imageorganizer.cluster..", "org.imageorganizer.store..",
                    "org.imageorganizer.importer..", "org.imageorganizer.imaging..", "ai.djl..", "elki..",
                    "jakarta.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule persistenceStaysInStore = noClasses().that().resideOutsideOfPackage("org.imageorganizer.store..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.flywaydb..");

    @ArchTest
    static final ArchRule djlStaysInMl = noClasses().that().resideOutsideOfPackage("org.imageorganizer.ml..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");
}
