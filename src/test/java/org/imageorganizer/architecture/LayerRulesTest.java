package org.imageorganizer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Test;

/**
 * The package layers, as a table of what each top-level package may use (docs/decisions/0023):
 * model and common at the bottom, then the core (imaging, ml, store, cluster, search, config, importer,
 * sync, trash), the use-case services, the front ends (api, ui, cli, bench), and app, which wires them.
 * No cycles between top-level packages; only ui touches JavaFX, only api touches Spark.
 */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.imageorganizer");
    }

    private static final List<String> OURS = List.of("model", "common", "imaging", "ml", "store", "cluster", "search", "config",
            "importer", "sync", "trash", "services", "api", "ui", "cli", "bench", "app");

    /** What each package may use of ours, besides itself (the JDK and the libraries are not limited here). */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("common", Set.of()),
            Map.entry("imaging", Set.of("model", "common")),
            Map.entry("ml", Set.of("imaging", "model", "common")),
            Map.entry("store", Set.of("model", "common")),
            Map.entry("cluster", Set.of("store", "model", "common")),
            Map.entry("search", Set.of("model", "common")),
            Map.entry("config", Set.of("model", "common")),
            Map.entry("importer", Set.of("imaging", "ml", "store", "cluster", "config", "model", "common")),
            Map.entry("sync", Set.of("store", "model", "common")),
            Map.entry("trash", Set.of("model", "common")),
            Map.entry("services", Set.of("importer", "sync", "trash", "imaging", "ml", "store", "cluster", "search", "config",
                    "model", "common")),
            Map.entry("api", Set.of("services", "config", "model", "common")),
            Map.entry("ui", Set.of("services", "config", "model", "common")),
            Map.entry("cli", Set.of("services", "config", "model", "common")),
            Map.entry("bench", Set.of("services", "importer", "sync", "imaging", "ml", "store", "cluster", "search",
                    "config", "model", "common")),
            Map.entry("app", Set.copyOf(OURS)));

    @Test
    void everyPackageOfOursHasItsRule() {
        assertEquals(Set.copyOf(OURS), MAY_USE.keySet());
        Set<String> found = classes.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("org.imageorganizer."))
                .map(p -> p.substring("org.imageorganizer.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(OURS.containsAll(found), "a top-level package without a layer rule: " + found);
    }

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyTheLayersBelowIt() {
        return OURS.stream().map(name -> DynamicTest.dynamicTest(name,
                () -> layerRule("org.imageorganizer", name).ifPresent(rule -> rule.check(classes))));
    }

    @Test
    void theTopLevelPackagesHaveNoCycles() {
        noCycles("org.imageorganizer").check(classes);
    }

    @Test
    void aPlantedCycleAndAFrontEndReachingIntoTheStoreAreCaught() {
        // test classes under architecture.planted: api -> store -> cluster -> store
        String root = "org.imageorganizer.architecture.planted";
        JavaClasses planted = new ClassFileImporter().importPackages(root);
        assertTrue(noCycles(root).evaluate(planted).hasViolation(), "the store <-> cluster cycle");
        assertTrue(layerRule(root, "api").orElseThrow().evaluate(planted).hasViolation(), "api using the store");
        assertTrue(layerRule(root, "store").orElseThrow().evaluate(planted).hasViolation(), "store using cluster");
        assertTrue(!layerRule(root, "cluster").orElseThrow().evaluate(planted).hasViolation(), "cluster may use store");
    }

    /** The rule for one top-level package under {@code root}: it uses none of ours but those the table allows. */
    private static java.util.Optional<ArchRule> layerRule(String root, String name) {
        String[] forbidden = OURS.stream().filter(other -> !other.equals(name) && !MAY_USE.get(name).contains(other))
                .map(other -> root + "." + other + "..").toArray(String[]::new);
        if (forbidden.length == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(noClasses().that().resideInAPackage(root + "." + name + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .allowEmptyShould(true)
                .because(name + " may use only " + (MAY_USE.get(name).isEmpty() ? "nothing of ours"
                        : new TreeSet<>(MAY_USE.get(name)))));
    }

    private static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void theCoreDoesNotUseTheFrontEndFrameworks() {
        noClasses().that().resideInAnyPackage("org.imageorganizer.model..", "org.imageorganizer.common..",
                "org.imageorganizer.imaging..", "org.imageorganizer.ml..", "org.imageorganizer.store..",
                "org.imageorganizer.cluster..", "org.imageorganizer.search..", "org.imageorganizer.config..",
                "org.imageorganizer.importer..",
                "org.imageorganizer.sync..", "org.imageorganizer.trash..", "org.imageorganizer.services..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "spark..", "picocli..")
                .check(classes);
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

}
