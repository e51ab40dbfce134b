package dev.sgn4j.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layering of sgn4j-core, as the package list tells it (bottom to top):
 *
 * <pre>
 *   concurrent            how threads wait (idle strategies)
 *   stats, graph          values: figures of a run, a picture of a graph
 *   dev.sgn4j (model)     Frame, pads, elements, Pipeline, Run, the Executor SPI
 *   worker                what runs in a worker: WorkerLogic, WorkerContext, WorkerQueue, ...
 *   parallel.spi          what worker launchers implement
 *   elements, parallel    built-in elements; parallel elements and Parallelize
 *   engine                the executors (the lock-step loop): reached only through Executor
 * </pre>
 *
 * Each layer uses only layers below it, so no import runs back up and no two packages depend on
 * each other.
 */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.sgn4j");

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("concurrent")
        .definedBy("dev.sgn4j.concurrent")
        .layer("stats")
        .definedBy("dev.sgn4j.stats")
        .layer("graph")
        .definedBy("dev.sgn4j.graph")
        .layer("model")
        .definedBy("dev.sgn4j")
        .layer("worker")
        .definedBy("dev.sgn4j.worker")
        .layer("spi")
        .definedBy("dev.sgn4j.parallel.spi")
        .layer("elements")
        .definedBy("dev.sgn4j.elements")
        .layer("parallel")
        .definedBy("dev.sgn4j.parallel")
        .layer("engine")
        .definedBy("dev.sgn4j.engine")
        .whereLayer("engine")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("parallel")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("elements")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("spi")
        .mayOnlyBeAccessedByLayers("parallel")
        .whereLayer("worker")
        .mayOnlyBeAccessedByLayers("spi", "parallel")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("worker", "spi", "elements", "parallel", "engine")
        .whereLayer("graph")
        .mayOnlyBeAccessedByLayers("model", "engine")
        .whereLayer("stats")
        .mayOnlyBeAccessedByLayers("model", "elements", "parallel", "engine")
        .whereLayer("concurrent")
        .mayOnlyBeAccessedByLayers(
            "stats", "graph", "model", "worker", "spi", "elements", "parallel", "engine")
        .check(CORE);
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    slices().matching("dev.(**)").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void theModelNamesNoClassOfTheEngine() {
    ArchRuleDefinition.noClasses()
        .that()
        .resideInAPackage("dev.sgn4j")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.sgn4j.engine..")
        .check(CORE);
  }

  @Test
  void theEngineIsNotPublicApiItsPublicTypesAreTheExecutorsOnly() {
    var publicEngineTypes =
        CORE.stream()
            .filter(type -> type.getPackageName().equals("dev.sgn4j.engine"))
            .filter(
                type ->
                    type.getModifiers()
                        .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
            .filter(type -> !type.isNestedClass())
            .map(JavaClass::getSimpleName)
            .sorted()
            .toList();

    assertThat(publicEngineTypes).containsExactly("LockStepExecutor", "PipelinedExecutor");
  }

  @Test
  void packageSizesStayReadable() {
    Map<String, Long> topLevelTypes =
        CORE.stream()
            .filter(type -> type.isTopLevelClass())
            .filter(type -> !type.getSimpleName().equals("package-info"))
            .collect(
                Collectors.groupingBy(
                    JavaClass::getPackageName, TreeMap::new, Collectors.counting()));

    // The model holds the user's building blocks and the helpers they share package-private
    // hooks with (compositions, connection strategies, the graph order); it cannot split without
    // an import running back up. Every other package stays small.
    assertThat(topLevelTypes)
        .allSatisfy(
            (pkg, count) ->
                assertThat(count)
                    .as("top-level types in %s", pkg)
                    .isLessThanOrEqualTo(pkg.equals("dev.sgn4j") ? 45 : 25));
  }
}
