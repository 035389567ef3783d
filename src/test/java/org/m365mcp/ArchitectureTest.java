package org.m365mcp;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The package layering written in docs/architecture.md ("Packages" and "Layering"), checked on the
 * compiled main classes, so that the picture and the code cannot drift apart. When a rule fails,
 * either the change crossed a layer it should not, or the design changed: then change the doc and
 * this test together.
 *
 * <ul>
 *   <li>No cycles, between top-level packages nor between any two packages (sub-packages included).</li>
 *   <li>No two top-level main classes share a simple name.</li>
 *   <li>Which top-level package may use which: {@link #layers}, one line per row of the doc.</li>
 *   <li>The cache packages get no rules of their own here yet (they are being restructured); the
 *       cycle rules cover them too.</li>
 * </ul>
 */
@AnalyzeClasses(
        packages = "org.m365mcp",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule topLevelPackages_haveNoCycles =
            slices().matching("org.m365mcp.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packages_haveNoCycles_subPackagesIncluded =
            slices().matching("org.m365mcp.(**)").should().beFreeOfCycles();

    /** A simple name says which class is meant, in a stack trace, a log line or a conversation. */
    @ArchTest
    static void topLevelClasses_haveUniqueSimpleNames(JavaClasses classes) {
        Map<String, List<String>> byName = classes.stream()
                .filter(type -> type.isTopLevelClass() && !type.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(
                        JavaClass::getSimpleName,
                        TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        byName.values().removeIf(names -> names.size() < 2);

        assertThat(byName).as("main classes sharing a simple name").isEmpty();
    }

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("config")
            .definedBy("org.m365mcp.config..")
            .layer("mcp")
            .definedBy("org.m365mcp.mcp..")
            .layer("graph")
            .definedBy("org.m365mcp.graph")
            .layer("graph.auth")
            .definedBy("org.m365mcp.graph.auth..")
            .layer("sandbox")
            .definedBy("org.m365mcp.sandbox..")
            .layer("cache")
            .definedBy("org.m365mcp.cache..")
            .layer("background")
            .definedBy("org.m365mcp.background..")
            .layer("sync")
            .definedBy("org.m365mcp.sync..")
            .layer("batch")
            .definedBy("org.m365mcp.batch..")
            .layer("tools")
            .definedBy("org.m365mcp.tools..")
            .layer("accounts")
            .definedBy("org.m365mcp.accounts..")
            .layer("admin")
            .definedBy("org.m365mcp.admin..")
            .layer("console")
            .definedBy("org.m365mcp.console..")
            .layer("observability")
            .definedBy("org.m365mcp.observability..")
            .layer("stdio")
            .definedBy("org.m365mcp.stdio..")
            .whereLayer("mcp")
            .mayOnlyAccessLayers("config")
            .whereLayer("graph")
            .mayNotAccessAnyLayer()
            .whereLayer("graph.auth")
            .mayOnlyAccessLayers("graph")
            .whereLayer("sandbox")
            .mayOnlyAccessLayers("graph", "graph.auth")
            .whereLayer("background")
            .mayOnlyAccessLayers("cache", "config")
            .whereLayer("sync")
            .mayOnlyAccessLayers("background", "cache", "config", "graph", "graph.auth", "mcp")
            .whereLayer("batch")
            .mayOnlyAccessLayers("background", "cache", "config", "graph.auth", "mcp")
            .whereLayer("tools")
            .mayOnlyAccessLayers("batch", "cache", "config", "graph", "graph.auth", "mcp", "sync")
            .whereLayer("accounts")
            .mayOnlyAccessLayers("cache", "config", "graph", "graph.auth", "mcp", "sandbox")
            .whereLayer("admin")
            .mayOnlyAccessLayers("cache", "mcp")
            .whereLayer("console")
            .mayOnlyAccessLayers("admin", "batch", "cache", "mcp", "sync", "tools")
            .whereLayer("observability")
            .mayOnlyAccessLayers("background", "cache", "graph.auth", "mcp", "sync")
            .whereLayer("stdio")
            .mayOnlyAccessLayers("background", "config", "mcp")
            .whereLayer("accounts")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("console")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("observability")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("stdio")
            .mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule sandbox_isReachedOnlyByAccounts = noClasses()
            .that()
            .resideOutsideOfPackages("org.m365mcp.sandbox..", "org.m365mcp.accounts..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.m365mcp.sandbox..")
            .because("demo mode is chosen in accounts (SignInProducer, SandboxRegistration); the rest sees"
                    + " the sandbox only as a Graph and a SignIn");

    @ArchTest
    static final ArchRule tools_doNotReachTheSandbox = noClasses()
            .that()
            .resideInAPackage("org.m365mcp.tools..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.m365mcp.sandbox..")
            .because("a tool talks to Graph and SignIn, whichever tenant is behind them");

    @ArchTest
    static final ArchRule graph_isPlainJava_knowingNoMcpToolsOrCache = classes()
            .that()
            .resideInAPackage("org.m365mcp.graph..")
            .should()
            .onlyDependOnClassesThat(
                    resideOutsideOfPackage("org.m365mcp..").or(resideInAPackage("org.m365mcp.graph..")))
            .because("the Graph client is plain Java, shared with the sandbox's tests that run without a container");

    @ArchTest
    static final ArchRule toolFamilies_doNotBorrowFromEachOther = slices().matching("org.m365mcp.tools.(*)..")
            .should()
            .notDependOnEachOther()
            .because("what two tool families share lives in org.m365mcp.tools");

    @ArchTest
    static final ArchRule cache_doesNotKnowGraph = noClasses()
            .that()
            .resideInAPackage("org.m365mcp.cache..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.m365mcp.graph..")
            .because("stale-if-error learns which failures mean Graph could not answer from whatever SourceFailures"
                    + " bean exists (tools.GraphUnavailability; docs/architecture.md)");

    @ArchTest
    static final ArchRule cache_doesNotReachBackgroundWork = noClasses()
            .that()
            .resideInAPackage("org.m365mcp.cache..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.m365mcp.background..")
            .because("a stale hit is handed to whatever BackgroundRefresh bean exists (docs/architecture.md)");
}
